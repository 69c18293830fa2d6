package io.h1kit.http.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * A known file tree for the tests, built under a temporary directory: the document root
 * {@code base/root} and, one level above it, the canary that no request may reach.
 *
 * <pre>
 * base/canary                 CANARY, outside the root
 * base/root/a/c.txt           "c-text\n"
 * base/root/a/b/              empty directory
 * base/root/sub/index.html
 * base/root/noindex/          dir2/, A.txt, z.txt, "a b&amp;&lt;c&gt;.txt", ü.txt, .hidden-in-dir, out (symlink out)
 * base/root/index-out/index.html  symlink to the canary
 * base/root/f                 1000 bytes
 * base/root/empty.txt         0 bytes
 * base/root/future.txt        modified after NOW
 * base/root/.hidden, .git/config
 * base/root/a b&amp;&lt;c&gt;.txt, ü.txt, %41.txt
 * base/root/link-out          symlink to the canary;   dir-out: symlink to base
 * base/root/link-in           symlink to a/c.txt;      dir-in:  symlink to a
 * base/root/link-hidden       symlink to .hidden
 * </pre>
 */
final class Docroot {
    /** The fixed clock of every test: Fri, 15 Jan 2027 08:00:00 GMT. */
    static final long NOW = 1_800_000_000L;
    /** The modification time of every file: Tue, 14 Nov 2023 22:13:20.123 GMT. */
    static final long MTIME_MILLIS = 1_700_000_000_123L;
    static final long MTIME_SECONDS = MTIME_MILLIS / 1000;
    static final String CANARY = "CANARY-outside-the-root";
    static final String C_TXT = "c-text\n";
    static final String UMLAUT = "\u00fc.txt";
    /**
     * Whether this JVM can name files in UTF-8 (sun.jnu.encoding follows the locale; under the C
     * locale Java cannot create {@code ü.txt}). Where it cannot, the tests check that such names
     * answer not found instead of failing.
     */
    static final boolean UTF8_NAMES = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));

    final Path base;
    final Path root;

    private Docroot(Path base) {
        this.base = base;
        this.root = base.resolve("root");
    }

    static Docroot create(Path base) throws IOException {
        Docroot d = new Docroot(base);
        Path root = d.root;
        write(base.resolve("canary"), CANARY);
        write(root.resolve("a/c.txt"), C_TXT);
        Files.createDirectories(root.resolve("a/b"));
        write(root.resolve("sub/index.html"), "<!DOCTYPE html><title>sub</title>\n");
        write(root.resolve("noindex/A.txt"), "A");
        write(root.resolve("noindex/z.txt"), "zzz");
        write(root.resolve("noindex/a b&<c>.txt"), "amp");
        write(root.resolve("noindex/.hidden-in-dir"), "hidden");
        Files.createDirectories(root.resolve("noindex/dir2"));
        Files.createSymbolicLink(root.resolve("noindex/out"), base.resolve("canary"));
        Files.createDirectories(root.resolve("index-out"));
        Files.createSymbolicLink(root.resolve("index-out/index.html"), base.resolve("canary"));
        byte[] f = new byte[1000];
        for (int i = 0; i < f.length; i++) {
            f[i] = (byte) ('a' + i % 26);
        }
        Files.write(root.resolve("f"), f);
        write(root.resolve("empty.txt"), "");
        write(root.resolve(".hidden"), "secret");
        write(root.resolve(".git/config"), "secret");
        write(root.resolve("a b&<c>.txt"), "spaces");
        write(root.resolve("%41.txt"), "literal percent");
        if (UTF8_NAMES) {
            write(root.resolve(UMLAUT), "umlaut");
            write(root.resolve("noindex").resolve(UMLAUT), "umlaut");
        }
        Files.createSymbolicLink(root.resolve("link-out"), base.resolve("canary"));
        Files.createSymbolicLink(root.resolve("dir-out"), base);
        Files.createSymbolicLink(root.resolve("link-in"), Path.of("a/c.txt"));
        Files.createSymbolicLink(root.resolve("dir-in"), Path.of("a"));
        Files.createSymbolicLink(root.resolve("link-hidden"), Path.of(".hidden"));
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, FileTime.fromMillis(MTIME_MILLIS));
                }
            }
        }
        write(root.resolve("future.txt"), "from the future");
        Files.setLastModifiedTime(root.resolve("future.txt"), FileTime.fromMillis((NOW + 86_400) * 1000));
        return d;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
