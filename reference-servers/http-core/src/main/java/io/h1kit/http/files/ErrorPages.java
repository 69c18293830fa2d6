package io.h1kit.http.files;

import io.h1kit.http.Html;
import io.h1kit.http.Response;
import io.h1kit.http.Status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The HTML pages sent with error (and redirect) responses: a custom page {@code <code>.html} from
 * a directory, read once at construction, else a short built-in page. The servers use it for
 * parser rejections too, so it answers for any {@link Status}. Immutable and thread-safe.
 */
public final class ErrorPages {
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private static final Map<Status, byte[]> BUILT_IN = new EnumMap<>(Status.class);

    static {
        for (Status status : Status.values()) {
            BUILT_IN.put(status, builtInPage(status).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<Status, byte[]> custom = new EnumMap<>(Status.class);

    /**
     * Reads the custom pages. A missing or unreadable directory, or an unreadable page, leaves the
     * built-in page in place: a server must start even when its error pages are broken.
     *
     * @param dir a directory holding pages named {@code <code>.html}, or null for none
     */
    public ErrorPages(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        for (Status status : Status.values()) {
            Path page = dir.resolve(status.code() + ".html");
            if (Files.isRegularFile(page)) {
                try {
                    custom.put(status, Files.readAllBytes(page));
                } catch (IOException e) {
                    // Unreadable: keep the built-in page; customPages() lets the server log it.
                }
            }
        }
    }

    /** Only the built-in pages. */
    public static ErrorPages builtIn() {
        return new ErrorPages(null);
    }

    /** The statuses with a custom page, for the server's start-up log. */
    public Set<Status> customPages() {
        return Collections.unmodifiableSet(custom.keySet());
    }

    /**
     * A new response with the page for {@code status}; the caller may add fields to it. Statuses
     * that forbid content (1xx, 204, 304) get none.
     */
    public Response respond(Status status) {
        if (status.forbidsContent()) {
            return Response.empty(status);
        }
        byte[] page = custom.getOrDefault(status, BUILT_IN.get(status));
        return Response.of(status, CONTENT_TYPE, page);
    }

    private static String builtInPage(Status status) {
        String title = Html.escape(status.toString());
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                </head>
                <body>
                <h1>%s</h1>
                </body>
                </html>
                """.formatted(title, title);
    }
}
