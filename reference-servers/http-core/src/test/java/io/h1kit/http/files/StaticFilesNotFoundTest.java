package io.h1kit.http.files;

import io.h1kit.http.Response;
import io.h1kit.http.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.h1kit.http.files.Requests.rawGet;
import static io.h1kit.http.files.Requests.request;
import static io.h1kit.http.files.Requests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The handler's 404s (PATH rows end to end): the page carries no reason, the diagnostic does. */
class StaticFilesNotFoundTest {
    @TempDir
    static Path base;
    static Served served;

    @BeforeAll
    static void build() throws IOException {
        served = Served.create(base);
    }

    @Test
    @DisplayName("a missing file -> 404 page, the reason only in the diagnostic")
    void missing() {
        Served.assertNotFound(served.serve("GET", "/missing"), StaticFiles.EVENT_NOT_FOUND, "no such file");
        Served.assertNotFound(served.serve("HEAD", "/a/missing.txt"), StaticFiles.EVENT_NOT_FOUND, "no such file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.h1kit.http.files.PathMapperTest#traversal")
    @DisplayName("PATH-01..07, 11 end to end: 404, no canary, reason only in the log")
    void traversal(String rawPath, String reason) {
        Response r = served.files.serve(rawGet(rawPath), Docroot.NOW);
        String event = reason.equals("no such file") ? StaticFiles.EVENT_NOT_FOUND : StaticFiles.EVENT_PATH_REJECTED;
        Served.assertNotFound(r, event, reason);
        assertFalse(text(r).contains(Docroot.CANARY));
        assertNull(r.fields().get("Set-Cookie"), "PATH-11: no injected field");
    }

    @Test
    @DisplayName("custom error pages from FileOptions are used, and shared with the server")
    void customPages(@TempDir Path pages) throws IOException {
        Files.writeString(pages.resolve("404.html"), "<p>nothing here</p>");
        StaticFiles custom = new StaticFiles(FileOptions.defaults(served.docroot.root).withErrorPagesDir(pages));
        Response r = custom.serve(request("GET", "/missing"), Docroot.NOW);
        assertEquals("<p>nothing here</p>", text(r));
        assertEquals("<p>nothing here</p>", text(custom.errorPages().respond(Status.NOT_FOUND_404)));
    }

    @Test
    @DisplayName("a root that does not exist fails at construction")
    void badRoot() {
        assertThrows(IllegalArgumentException.class, () -> new StaticFiles(FileOptions.defaults(base.resolve("nope"))));
    }
}
