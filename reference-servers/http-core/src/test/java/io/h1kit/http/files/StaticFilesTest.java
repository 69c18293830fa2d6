package io.h1kit.http.files;

import io.h1kit.http.Body;
import io.h1kit.http.HttpDate;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.h1kit.http.files.Requests.request;
import static io.h1kit.http.files.Requests.text;
import static io.h1kit.http.files.Requests.wireHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler end to end over parsed request heads: files, methods (METH rows) and directories. */
class StaticFilesTest {
    /** RFC 9110 §15.5.6: a 405 "MUST generate an Allow header field"; the value is spelled out, not taken from the class. */
    static final String ALLOW = "GET, HEAD, OPTIONS";

    @TempDir
    static Path base;
    static Served served;

    @BeforeAll
    static void build() throws IOException {
        served = Served.create(base);
    }

    @Test
    @DisplayName("GET a file: 200 with type, validators, caching, Accept-Ranges and a FileRegion")
    void getFile() throws IOException {
        Response r = served.serve("GET", "/a/c.txt");
        assertEquals(Status.OK_200, r.status());
        assertEquals(List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Accept-Ranges"), Served.fieldNames(r));
        assertEquals("text/plain; charset=utf-8", r.fields().get("Content-Type"));
        assertEquals("\"" + Long.toHexString(Docroot.MTIME_MILLIS) + "-7\"", r.fields().get("ETag"));
        assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", r.fields().get("Last-Modified"));
        assertEquals("max-age=0", r.fields().get("Cache-Control"));
        assertEquals("bytes", r.fields().get("Accept-Ranges"));
        assertEquals(new Body.FileRegion(served.real("a/c.txt"), 0, Docroot.C_TXT.length()), r.body());
        assertNull(r.diagnostic());
        assertTrue(wireHead(r, false).contains("\r\nContent-Length: 7\r\n"));
    }

    // RFC 9110 §9.3.2: "The server SHOULD send the same header fields in response to a HEAD request as it would have sent if the request method had been GET."
    @Test
    @DisplayName("METH-01: HEAD answers the same response as GET; the writer drops the body only")
    void headSameAsGet() {
        Response get = served.serve("GET", "/f");
        Response head = served.serve("HEAD", "/f");
        assertEquals(get.status(), head.status());
        assertEquals(get.fields().toString(), head.fields().toString());
        assertEquals(get.body(), head.body());
        assertEquals(wireHead(get, false), wireHead(head, true));
        assertTrue(wireHead(head, true).contains("\r\nContent-Length: 1000\r\n"));
    }

    @Test
    @DisplayName("METH-02: HEAD / -> 200 (the root listing)")
    void headRoot() {
        Response r = served.serve("HEAD", "/");
        assertEquals(Status.OK_200, r.status());
        assertEquals("text/html; charset=utf-8", r.fields().get("Content-Type"));
    }

    @Test
    @DisplayName("the empty file is served as a region of 0 bytes, and ignores Range")
    void emptyFile() throws IOException {
        assertEquals(new Body.FileRegion(served.real("empty.txt"), 0, 0), served.serve("GET", "/empty.txt").body());
        Response ranged = served.serve("GET", "/empty.txt", "Range: bytes=0-");
        assertEquals(Status.OK_200, ranged.status());
        assertTrue(wireHead(ranged, false).contains("\r\nContent-Length: 0\r\n"));
    }

    @Test
    @DisplayName("a file modified in the future is sent with Last-Modified now (RFC 9110 §8.8.2.1)")
    void futureLastModified() {
        assertEquals(HttpDate.format(Docroot.NOW), served.serve("GET", "/future.txt").fields().get("Last-Modified"));
    }

    @Test
    @DisplayName("the type comes from the requested name, as in nginx, not from a symlink's target")
    void typeFromRequestName() throws IOException {
        Response link = served.serve("GET", "/link-in");
        assertEquals(new Body.FileRegion(served.real("a/c.txt"), 0, 7), link.body());
        assertEquals("application/octet-stream", link.fields().get("Content-Type"));
        assertEquals("text/plain; charset=utf-8", served.serve("GET", "/dir-in/c.txt").fields().get("Content-Type"));
    }

    @Test
    @DisplayName("PATH-08..10 end to end: normalised paths serve a/c.txt")
    void normalisedPaths() throws IOException {
        for (String target : List.of("/a/./b/../c.txt", "//a//c.txt", "/%61/c.txt", "/a/..//a/c.txt?x", "http://t/a/c.txt")) {
            Response r = served.serve("GET", target);
            assertEquals(Status.OK_200, r.status(), target);
            assertEquals(new Body.FileRegion(served.real("a/c.txt"), 0, 7), r.body(), target);
        }
    }

    @Test
    @DisplayName("names with spaces, markup characters and UTF-8 are served")
    void encodedNames() throws IOException {
        assertEquals(new Body.FileRegion(served.real("a b&<c>.txt"), 0, 6), served.serve("GET", "/a%20b%26%3Cc%3E.txt").body());
        Response umlaut = served.serve("GET", "/%C3%BC.txt");
        if (Docroot.UTF8_NAMES) {
            assertEquals(new Body.FileRegion(served.real(Docroot.UMLAUT), 0, 6), umlaut.body());
        } else {
            Served.assertNotFound(umlaut, StaticFiles.EVENT_NOT_FOUND, "name not representable in the file system's encoding");
        }
    }

    // RFC 9110 §9.3.7: a server "SHOULD send any header that might indicate optional features implemented by the server and applicable to the target resource (e.g., Allow)".
    @ParameterizedTest(name = "OPTIONS {0}")
    @ValueSource(strings = {"/f", "/", "*", "/missing"})
    @DisplayName("METH-03: OPTIONS -> 200 with Allow and Content-Length: 0")
    void options(String target) {
        Response r = served.serve("OPTIONS", target);
        assertEquals(Status.OK_200, r.status());
        assertEquals(ALLOW, r.fields().get("Allow"));
        assertSame(Body.EMPTY, r.body());
        assertTrue(wireHead(r, false).contains("\r\nContent-Length: 0\r\n"));
    }

    // RFC 9110 §15.5.6: "The origin server MUST generate an Allow header field in a 405 response".
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"DELETE, /f", "POST, /f", "PUT, /f", "PATCH, /a/c.txt", "TRACE, /", "PROPFIND, /a/", "DELETE, /missing",
            "get, /f"})
    @DisplayName("METH-04, METH-05: other methods -> 405 with Allow")
    void notAllowed(String method, String target) {
        Response r = served.serve(method, target);
        assertEquals(Status.METHOD_NOT_ALLOWED_405, r.status());
        assertEquals(ALLOW, r.fields().get("Allow"));
        assertTrue(text(r).contains("405 Method Not Allowed"));
    }

    // RFC 9110 §14.2: "A server MUST ignore a Range header field received with a request method that is unrecognized or for which range handling is not defined."
    @Test
    @DisplayName("RANGE-07: POST with Range -> 405, never 206; HEAD with Range -> 200")
    void rangeOnlyForGet() {
        assertEquals(Status.METHOD_NOT_ALLOWED_405, served.serve("POST", "/f", "Range: bytes=0-1").status());
        Response head = served.serve("HEAD", "/f", "Range: bytes=0-1");
        assertEquals(Status.OK_200, head.status());
        assertNull(head.fields().get("Content-Range"));
        assertEquals(1000, head.body().length());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/a, /a/", "/a?x=1&y, /a/?x=1&y", "//a, /a/", "/%61, /%61/", "/sub, /sub/", "/a/b/../b, /a/b/",
            "/dir-in, /dir-in/"})
    @DisplayName("a directory without the trailing slash -> 301 to the normalised path + / (query kept)")
    void redirect(String target, String location) {
        Response r = served.serve("GET", target);
        assertEquals(Status.MOVED_PERMANENTLY_301, r.status());
        assertEquals(location, r.fields().get("Location"));
        assertTrue(text(r).contains("301 Moved Permanently"));
    }

    @Test
    @DisplayName("a directory with index.html serves it as a file")
    void index() throws IOException {
        Response r = served.serve("GET", "/sub/");
        assertEquals(Status.OK_200, r.status());
        assertEquals("text/html; charset=utf-8", r.fields().get("Content-Type"));
        assertNotNull(r.fields().get("ETag"));
        Path index = served.real("sub/index.html");
        assertEquals(new Body.FileRegion(index, 0, Files.size(index)), r.body());
    }

    @Test
    @DisplayName("a directory without index.html answers its listing, without validators")
    void listing() {
        Response r = served.serve("GET", "/noindex/");
        assertEquals(Status.OK_200, r.status());
        assertEquals("text/html; charset=utf-8", r.fields().get("Content-Type"));
        assertEquals("max-age=0", r.fields().get("Cache-Control"));
        assertNull(r.fields().get("ETag"));
        assertTrue(text(r).contains("<h1>Index of /noindex/</h1>"));
        assertEquals(Status.OK_200, served.serve("GET", "/a/b/..").status(), "PATH-08: /a/b/.. is /a/");
        assertEquals(Status.OK_200, served.serve("GET", "/a/.").status(), "PATH-08: /a/. is /a/");
    }

    @Test
    @DisplayName("the listing honours * conditions: If-None-Match: * -> 304, If-Match: \"x\" -> 412")
    void listingConditions() {
        assertEquals(Status.NOT_MODIFIED_304, served.serve("GET", "/noindex/", "If-None-Match: *").status());
        assertEquals(Status.PRECONDITION_FAILED_412, served.serve("GET", "/noindex/", "If-Match: \"x\"").status());
    }

    @Test
    @DisplayName("with listings off, a directory without index.html is 404; with index.html still 200")
    void listingOff() {
        StaticFiles quiet = new StaticFiles(FileOptions.defaults(served.docroot.root).withListDirectories(false));
        Response r = quiet.serve(request("GET", "/noindex/"), Docroot.NOW);
        Served.assertNotFound(r, StaticFiles.EVENT_NOT_FOUND, "directory without index.html and listings are off");
        assertEquals(Status.OK_200, quiet.serve(request("GET", "/sub/"), Docroot.NOW).status());
    }

    @Test
    @DisplayName("an index.html that is a symlink out of the root -> 404, logged as rejected")
    void indexLeavingRoot() {
        Served.assertNotFound(served.serve("GET", "/index-out/"), StaticFiles.EVENT_PATH_REJECTED, "index.html: symlink leaves the root");
    }

    @Test
    @DisplayName("a file requested with a trailing slash -> 404")
    void fileWithSlash() {
        Served.assertNotFound(served.serve("GET", "/a/c.txt/"), StaticFiles.EVENT_NOT_FOUND, "file requested with a trailing slash");
    }

    @Test
    @DisplayName("cacheMaxAgeSeconds sets Cache-Control on files, 304s and listings")
    void maxAge() {
        StaticFiles cached = new StaticFiles(FileOptions.defaults(served.docroot.root).withCacheMaxAgeSeconds(3600));
        Response file = cached.serve(request("GET", "/f"), Docroot.NOW);
        assertEquals("max-age=3600", file.fields().get("Cache-Control"));
        assertEquals("max-age=3600",
                cached.serve(request("GET", "/f", "If-None-Match: *"), Docroot.NOW).fields().get("Cache-Control"));
        assertEquals("max-age=3600", cached.serve(request("GET", "/noindex/"), Docroot.NOW).fields().get("Cache-Control"));
        assertInstanceOf(Body.FileRegion.class, file.body());
    }
}
