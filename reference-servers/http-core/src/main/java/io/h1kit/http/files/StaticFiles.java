package io.h1kit.http.files;

import io.h1kit.http.Body;
import io.h1kit.http.Fields;
import io.h1kit.http.RequestHead;
import io.h1kit.http.Response;
import io.h1kit.http.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The static file handler of every reference server: GET and HEAD of files and directories under
 * a document root, with validators, conditional requests and single byte ranges. File content is
 * never read here; a file is answered with a {@link Body.FileRegion} for the server to send
 * (zero-copy in stage 4). Immutable and thread-safe: one instance serves all connections.
 *
 * <p>The response to HEAD is the response to GET; the writer leaves the body out (RFC 9110 §9.3.2:
 * "the server SHOULD send the same header fields in response to a HEAD request as it would have
 * sent if the request method had been GET").
 */
public final class StaticFiles {
    /** RFC 9110 §10.2.1: Allow lists "the set of methods advertised as supported by the target resource". */
    public static final String ALLOW = "GET, HEAD, OPTIONS";
    /** The file a directory request serves, when it is a regular file. */
    public static final String INDEX_FILE = "index.html";
    /** Log event of a path that tried to leave the root or reach a hidden file. */
    public static final String EVENT_PATH_REJECTED = "path_rejected";
    /** Log event of a path that names nothing servable. */
    public static final String EVENT_NOT_FOUND = "not_found";

    private final FileOptions options;
    private final PathMapper mapper;
    private final ErrorPages errorPages;
    private final String cacheControl;

    /** @throws IllegalArgumentException if the root is not an existing directory */
    public StaticFiles(FileOptions options) {
        this.options = options;
        this.mapper = new PathMapper(options.root());
        this.errorPages = new ErrorPages(options.errorPagesDir());
        this.cacheControl = "max-age=" + options.cacheMaxAgeSeconds();
    }

    /** The error pages of this handler, for the server's own error responses (400, 413, 431, ...). */
    public ErrorPages errorPages() {
        return errorPages;
    }

    /**
     * Answers a request the router sent here. RFC 9110 §15.5.6: a 405 response "MUST generate an
     * Allow header field"; OPTIONS answers 200 with Allow and no content (so Content-Length: 0,
     * which RFC 7231 §4.3.7 required and RFC 9110 still permits).
     *
     * @param nowEpochSecond the server's clock, for conditional requests and Last-Modified
     */
    public Response serve(RequestHead head, long nowEpochSecond) {
        return switch (head.method()) {
            case "GET", "HEAD" -> get(head, nowEpochSecond);
            case "OPTIONS" -> Response.empty(Status.OK_200).withField("Allow", ALLOW);
            default -> errorPages.respond(Status.METHOD_NOT_ALLOWED_405).withField("Allow", ALLOW);
        };
    }

    private Response get(RequestHead head, long now) {
        String path = head.target().path();
        PathMapping mapping = path == null ? new PathMapping.Rejected("request-target has no path") : mapper.map(path);
        return switch (mapping) {
            case PathMapping.Rejected r -> notFound(EVENT_PATH_REJECTED, r.reason());
            case PathMapping.Missing m -> notFound(EVENT_NOT_FOUND, m.reason());
            case PathMapping.Found found -> found(head, found, now);
        };
    }

    private Response found(RequestHead head, PathMapping.Found found, long now) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(found.file(), BasicFileAttributes.class);
        } catch (IOException e) {
            return notFound(EVENT_NOT_FOUND, "attributes unreadable: " + PathMapper.reason(e));
        }
        if (attributes.isDirectory()) {
            return directory(head, found, now);
        }
        if (!attributes.isRegularFile()) {
            return notFound(EVENT_NOT_FOUND, "not a regular file");
        }
        if (found.trailingSlash()) {
            // "/a/c.txt/" names a directory that does not exist (ENOTDIR), as in nginx and Apache.
            return notFound(EVENT_NOT_FOUND, "file requested with a trailing slash");
        }
        return file(head, found, attributes, now);
    }

    private Response directory(RequestHead head, PathMapping.Found found, long now) {
        if (!found.trailingSlash()) {
            // The listing's relative links resolve against the URL, so it must end in "/".
            // encodedPath is normalised: "//a" would make a Location naming another host.
            String query = head.target().query();
            String location = found.encodedPath() + "/" + (query == null ? "" : "?" + query);
            return errorPages.respond(Status.MOVED_PERMANENTLY_301).withField("Location", location);
        }
        switch (mapper.mapChild(found, INDEX_FILE)) {
            case PathMapping.Found index -> {
                BasicFileAttributes attributes = regularFileAttributes(index.file());
                if (attributes != null) {
                    return file(head, index, attributes, now);
                }
            }
            case PathMapping.Rejected r -> {
                return notFound(EVENT_PATH_REJECTED, INDEX_FILE + ": " + r.reason());
            }
            case PathMapping.Missing m -> {
                // no index: fall through to the listing
            }
        }
        if (!options.listDirectories()) {
            return notFound(EVENT_NOT_FOUND, "directory without " + INDEX_FILE + " and listings are off");
        }
        // A listing has no validators, yet "*" conditions still refer to it (RFC 9110 §13.1.1, §13.1.2).
        switch (Preconditions.evaluate(head.method(), head.fields(), Validators.NONE, now)) {
            case NOT_MODIFIED_304 -> {
                return Response.empty(Status.NOT_MODIFIED_304).withField("Cache-Control", cacheControl);
            }
            case PRECONDITION_FAILED_412 -> {
                return errorPages.respond(Status.PRECONDITION_FAILED_412);
            }
            case PROCEED -> {
                // render it
            }
        }
        try {
            return Response.of(Status.OK_200, DirectoryListing.CONTENT_TYPE, DirectoryListing.render(mapper, found, now))
                    .withField("Cache-Control", cacheControl);
        } catch (IOException e) {
            return notFound(EVENT_NOT_FOUND, "directory unreadable: " + PathMapper.reason(e));
        }
    }

    private Response file(RequestHead head, PathMapping.Found file, BasicFileAttributes attributes, long now) {
        Validators validators = Validators.of(attributes, now);
        switch (Preconditions.evaluate(head.method(), head.fields(), validators, now)) {
            case NOT_MODIFIED_304 -> {
                // RFC 9110 §15.4.5: the 304 carries the fields "that would have been sent in a 200",
                // here ETag, Last-Modified and Cache-Control (COND-11); a Range is then ignored (RANGE-11).
                return validators.addTo(Response.empty(Status.NOT_MODIFIED_304)).withField("Cache-Control", cacheControl);
            }
            case PRECONDITION_FAILED_412 -> {
                return errorPages.respond(Status.PRECONDITION_FAILED_412);
            }
            case PROCEED -> {
                // go on
            }
        }
        long size = attributes.size();
        // RFC 9110 §14.2: "A server MUST ignore a Range header field received with a request
        // method that is unrecognized or for which range handling is not defined"; only GET has it.
        List<String> range = head.fields().values("Range");
        if (head.method().equals("GET") && !range.isEmpty() && Preconditions.ifRangeHolds(head.fields(), validators, now)) {
            ByteRange.Outcome outcome = range.size() == 1
                    ? ByteRange.evaluate(range.getFirst(), size)
                    : new ByteRange.Ignored("more than one Range field line");
            switch (outcome) {
                case ByteRange.Satisfiable(ByteRange part) -> {
                    return representation(Status.PARTIAL_CONTENT_206, file, validators, part.first(), part.length())
                            .withField("Content-Range", part.contentRange(size));
                }
                case ByteRange.Unsatisfiable u -> {
                    return errorPages.respond(Status.RANGE_NOT_SATISFIABLE_416)
                            .withField("Content-Range", ByteRange.unsatisfiedContentRange(size));
                }
                case ByteRange.Ignored i -> {
                    // send the whole file
                }
            }
        }
        return representation(Status.OK_200, file, validators, 0, size);
    }

    /**
     * A 200 or 206 with the file's fields and a region of it as the body. The type comes from the
     * name in the request, as in nginx and Apache, not from the target of a symlink.
     */
    private Response representation(Status status, PathMapping.Found file, Validators validators, long offset, long length) {
        String name = file.decodedPath().substring(file.decodedPath().lastIndexOf('/') + 1);
        Response response = new Response(status, new Fields(), new Body.FileRegion(file.file(), offset, length), false, null)
                .withField("Content-Type", MimeTypes.forFileName(name));
        return validators.addTo(response)
                .withField("Cache-Control", cacheControl)
                // RFC 9110 §14.3: "A server that supports range requests MAY send Accept-Ranges: bytes".
                .withField("Accept-Ranges", "bytes");
    }

    private static BasicFileAttributes regularFileAttributes(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** 404 with a reason for the error log; the client sees only the page. */
    private Response notFound(String event, String reason) {
        return errorPages.respond(Status.NOT_FOUND_404).withDiagnostic(event, reason);
    }
}
