package io.h1kit.http.files;

import io.h1kit.http.Body;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorPagesTest {

    static String text(Response response) {
        return new String(((Body.Bytes) response.body()).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the built-in 404 page is a small HTML5 page naming the status")
    void builtIn404() {
        Response r = ErrorPages.builtIn().respond(Status.NOT_FOUND_404);
        assertEquals(Status.NOT_FOUND_404, r.status());
        assertEquals("text/html; charset=utf-8", r.fields().get("Content-Type"));
        String page = text(r);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<title>404 Not Found</title>"), page);
        assertTrue(page.contains("<h1>404 Not Found</h1>"), page);
        assertTrue(page.contains("<meta charset=\"utf-8\">"), page);
        assertNull(r.diagnostic());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Status.class)
    @DisplayName("every status gets a page, except those that forbid content")
    void everyStatus(Status status) {
        Response r = ErrorPages.builtIn().respond(status);
        assertEquals(status, r.status());
        if (status.forbidsContent()) {
            assertSame(Body.EMPTY, r.body());
            assertNull(r.fields().get("Content-Type"));
        } else {
            assertTrue(text(r).contains("<h1>" + status.code() + " " + status.reason() + "</h1>"));
        }
    }

    @Test
    @DisplayName("custom <code>.html pages replace the built-in ones; the others stay built in")
    void custom(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("404.html"), "<p>custom missing</p>");
        Files.writeString(dir.resolve("500.html"), "<p>custom broken</p>");
        Files.writeString(dir.resolve("999.html"), "<p>no such status</p>");
        Files.createDirectory(dir.resolve("403.html"));
        ErrorPages pages = new ErrorPages(dir);
        assertEquals(Set.of(Status.NOT_FOUND_404, Status.INTERNAL_SERVER_ERROR_500), pages.customPages());
        assertEquals("<p>custom missing</p>", text(pages.respond(Status.NOT_FOUND_404)));
        assertEquals("text/html; charset=utf-8", pages.respond(Status.NOT_FOUND_404).fields().get("Content-Type"));
        assertEquals("<p>custom broken</p>", text(pages.respond(Status.INTERNAL_SERVER_ERROR_500)));
        assertTrue(text(pages.respond(Status.FORBIDDEN_403)).contains("<title>403 Forbidden</title>"));
        assertTrue(text(pages.respond(Status.BAD_REQUEST_400)).contains("<title>400 Bad Request</title>"));
    }

    @Test
    @DisplayName("pages are read once: a later change to the directory does not show")
    void readOnce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("404.html"), "first");
        ErrorPages pages = new ErrorPages(dir);
        Files.writeString(dir.resolve("404.html"), "second");
        assertEquals("first", text(pages.respond(Status.NOT_FOUND_404)));
    }

    @Test
    @DisplayName("a missing directory, or a file given as the directory, leaves only built-in pages")
    void missingDirectory(@TempDir Path dir) throws IOException {
        assertTrue(new ErrorPages(dir.resolve("missing")).customPages().isEmpty());
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertTrue(new ErrorPages(file).customPages().isEmpty());
        assertTrue(text(new ErrorPages(file).respond(Status.NOT_FOUND_404)).contains("404 Not Found"));
    }

    @Test
    @DisplayName("each response has its own fields, so a caller can add Allow or Location safely")
    void independentResponses() {
        ErrorPages pages = ErrorPages.builtIn();
        Response first = pages.respond(Status.METHOD_NOT_ALLOWED_405).withField("Allow", "GET");
        Response second = pages.respond(Status.METHOD_NOT_ALLOWED_405);
        assertEquals("GET", first.fields().get("Allow"));
        assertNull(second.fields().get("Allow"));
    }
}
