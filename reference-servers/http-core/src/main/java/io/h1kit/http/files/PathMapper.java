package io.h1kit.http.files;

import io.h1kit.http.PercentDecoding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The traversal guard: maps the raw, percent-encoded path of a request to a file under the
 * document root, segment by segment, decoding each segment exactly once (model: the JDK's
 * jwebserver {@code FileServerHandler.mapToPath}). Immutable and thread-safe.
 *
 * <p>The rules, in order: a raw backslash anywhere is rejected; dot-segments in the raw path are
 * removed as in RFC 3986 §5.2.4, but one that climbs above the root is rejected; empty segments are
 * skipped; each segment is percent-decoded once, and rejected if that fails (bad UTF-8, overlong
 * forms included) or yields ".", "..", a "/" or "\", a control character, or a leading "." (a
 * hidden file); finally the real path (symlinks resolved) must lie under the root's real path.
 * RFC 9110 §17.3: "an origin server needs to avoid accessing names that have a special
 * significance to the system when mapping the target resource to files, folders, or directories."
 * RFC 3986 §2.4: an implementation "must not percent-encode or decode the same string more than
 * once", so {@code %252e} stays the literal name {@code %2e}.
 */
public final class PathMapper {
    private final Path root;

    /**
     * @param root the document root; resolved to its real path once, here
     * @throws IllegalArgumentException if the root does not exist or is not a directory, so that a
     *                                  server fails at start-up rather than answering 404 to all
     */
    public PathMapper(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("document root cannot be resolved: " + root, e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("document root is not a directory: " + root);
        }
    }

    /** The real path of the document root. */
    public Path root() {
        return root;
    }

    /** Maps {@code rawPath}, the path of a request-target as received (percent-encoded, starting with "/"). */
    public PathMapping map(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new PathMapping.Rejected("path does not start with /");
        }
        if (rawPath.indexOf('\\') >= 0) {
            // Windows separator: never a name character worth the risk (PATH-05).
            return new PathMapping.Rejected("backslash in the path");
        }
        List<String> segments = removeDotSegments(rawPath);
        if (segments == null) {
            return new PathMapping.Rejected("dot-segment climbs above the root");
        }
        String lastRaw = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        boolean trailingSlash = segments.isEmpty() || lastRaw.isEmpty() || lastRaw.equals(".") || lastRaw.equals("..");

        Path candidate = root;
        StringBuilder encoded = new StringBuilder(rawPath.length());
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (String segment : segments) {
            String name;
            try {
                name = PercentDecoding.decode(segment, false);
            } catch (IllegalArgumentException e) {
                return new PathMapping.Rejected("segment is not percent-encoded UTF-8");
            }
            String problem = nameProblem(name);
            if (problem != null) {
                return new PathMapping.Rejected(problem);
            }
            try {
                candidate = candidate.resolve(name);
            } catch (InvalidPathException e) {
                return new PathMapping.Missing("name not representable in the file system's encoding");
            }
            encoded.append('/').append(segment);
            decoded.append('/').append(name);
        }
        if (trailingSlash) {
            encoded.append('/');
            decoded.append('/');
        }
        return confine(candidate, encoded.toString(), decoded.toString(), trailingSlash);
    }

    /**
     * Maps an entry of a directory found before, by its file system name: {@code index.html}, or a
     * name to show in a listing. The same name rules and the same confinement apply.
     */
    public PathMapping mapChild(PathMapping.Found directory, String name) {
        String problem = nameProblem(name);
        if (problem != null) {
            return new PathMapping.Rejected(problem);
        }
        Path candidate;
        try {
            candidate = directory.file().resolve(name);
        } catch (InvalidPathException e) {
            return new PathMapping.Missing("name not representable in the file system's encoding");
        }
        String parentEncoded = withSlash(directory.encodedPath());
        String parentDecoded = withSlash(directory.decodedPath());
        return confine(candidate, parentEncoded + encodeSegment(name), parentDecoded + name, false);
    }

    /**
     * Percent-encodes a file name as one path segment: every octet of its UTF-8 form except the
     * unreserved characters of RFC 3986 §2.3. Encoding ":" too keeps a relative reference such as
     * {@code a:b} from reading as a URI with scheme "a" (RFC 3986 §4.2).
     */
    public static String encodeSegment(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    /**
     * RFC 3986 §5.2.4 on the raw segments: "." is dropped and ".." drops the segment before it.
     * Empty segments ("//") are dropped too. Null when a ".." would climb above the root: RFC 3986
     * would clamp it there, but such a path is an attack, not a typo, so it answers 404.
     */
    private static List<String> removeDotSegments(String rawPath) {
        List<String> out = new ArrayList<>();
        int start = 1;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            String segment = rawPath.substring(start, end);
            if (segment.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                out.add(segment);
            }
            start = end + 1;
        }
        return out;
    }

    /** Why a decoded segment or file name may not be served, or null when it may. */
    private static String nameProblem(String name) {
        if (name.equals(".") || name.equals("..")) {
            return "encoded dot-segment";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "encoded slash or backslash";
            }
            if (Character.isISOControl(c)) {
                return "control character in a segment";
            }
        }
        if (name.startsWith(".")) {
            return "hidden file";
        }
        return null;
    }

    /** Why a file operation failed, in a few words for the error log ("File name too long"). */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName();
    }

    /**
     * The mapping of {@code candidate} once symlinks are resolved: outside the root, or hidden
     * once resolved, is rejected; missing or unreadable is missing.
     */
    private PathMapping confine(Path candidate, String encodedPath, String decodedPath, boolean trailingSlash) {
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            return new PathMapping.Missing("no such file");
        } catch (IOException e) {
            return new PathMapping.Missing("cannot resolve: " + reason(e));
        }
        if (!real.startsWith(root)) {
            return new PathMapping.Rejected("symlink leaves the root");
        }
        for (Path part : root.relativize(real)) {
            if (part.toString().startsWith(".")) {
                return new PathMapping.Rejected("symlink leads to a hidden file");
            }
        }
        return new PathMapping.Found(real, encodedPath, decodedPath, trailingSlash);
    }

    private static String withSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }
}
