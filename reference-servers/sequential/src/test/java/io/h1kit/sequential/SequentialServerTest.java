package io.h1kit.sequential;

import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import io.h1kit.server.testing.RunningServer;
import io.h1kit.server.testing.StageBasicsTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage 2 over raw sockets: what a browser, curl and the conformance suite see. */
@Timeout(60)
class SequentialServerTest extends StageBasicsTest {
    @Override
    protected RunningServer start(Path dir) throws IOException {
        ServerOptions options = ServerOptions.forTest(Docroot.create(dir))
                .withTimeouts(new SequentialStage().defaultTimeouts());
        return RunningServer.start(new SequentialStage(), options);
    }

    @Override
    protected String serverField() {
        return "h1kit-sequential";
    }

    @Test
    @DisplayName("GET a file: type, validators, caching, Date, on top of the basics")
    void getFileFields() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send(GET_F).read();
            assertEquals("HTTP/1.1 200 OK", r.statusLine());
            assertEquals("text/plain; charset=utf-8", r.field("Content-Type"));
            assertEquals("1000", r.field("Content-Length"));
            assertEquals(Docroot.F_CONTENT, r.bodyText());
            assertNotNull(r.field("ETag"));
            assertEquals("Fri, 01 Mar 2024 12:00:00 GMT", r.field("Last-Modified"));
            assertEquals("bytes", r.field("Accept-Ranges"));
            assertEquals("max-age=60", r.field("Cache-Control"));
            assertEquals("h1kit-sequential", r.field("Server"));
            assertTrue(r.field("Date").endsWith(" GMT"), r.field("Date"));
            assertNull(r.field("Connection"), "HTTP/1.1 persists by default");
        }
    }

    @Test
    @DisplayName("If-None-Match with the file's ETag: 304 without a body, with the ETag")
    void conditionalGet() throws IOException {
        try (RawConnection c = server.connect()) {
            String etag = c.send(GET_F).read().field("ETag");
            RawResponse r = c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\nIf-None-Match: " + etag + "\r\n\r\n").read();
            assertEquals(304, r.status());
            assertEquals(etag, r.field("ETag"));
            assertNull(r.field("Content-Length"));
            RawResponse after = c.send(GET_F).read();
            assertEquals(200, after.status(), "the 304 had no body, so the next response parses");
        }
    }

    @Test
    @DisplayName("Range bytes=0-4: 206 with Content-Range and exactly those bytes")
    void range() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\nRange: bytes=10-14\r\n\r\n").read();
            assertEquals(206, r.status());
            assertEquals("bytes 10-14/1000", r.field("Content-Range"));
            assertEquals("01234", r.bodyText());
            RawResponse unsatisfiable = c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\nRange: bytes=1000-\r\n\r\n").read();
            assertEquals(416, unsatisfiable.status());
            assertEquals("bytes */1000", unsatisfiable.field("Content-Range"));
        }
    }

    @Test
    @DisplayName("a missing file: the custom 404 page, and the connection stays usable")
    void notFound() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET /nope.txt HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(404, r.status());
            assertTrue(r.bodyText().contains("custom not found page"), r.bodyText());
            assertTrue(r.field("Content-Type").startsWith("text/html"));
            assertEquals(200, c.send(GET_F).read().status());
        }
    }

    @Test
    @DisplayName("a traversal attempt answers 404 and the reason goes to the error log, not the client")
    void traversal() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET /%2e%2e/errors/404.html HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(404, r.status());
            assertFalse(r.bodyText().contains("dot"), r.bodyText());
            c.send(GET_F).read(); // the log line of the 404 is written before the next response
            assertTrue(server.errorLog().contains("path_rejected"), server.errorLog());
        }
    }

    @Test
    @DisplayName("a directory: 301 to the slash form, then its index.html; without an index, a listing")
    void directories() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse redirect = c.send("GET /site?x=1 HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(301, redirect.status());
            assertEquals("/site/?x=1", redirect.field("Location"));
            RawResponse index = c.send("GET /site/ HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals("<!DOCTYPE html><title>site</title>", index.bodyText());
            RawResponse listing = c.send("GET /a/ HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(200, listing.status());
            assertTrue(listing.bodyText().contains("c.txt"), listing.bodyText());
        }
    }

    @Test
    @DisplayName("HTTP/1.0: closed after the response unless it asks for keep-alive")
    void http10() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET /f.txt HTTP/1.0\r\n\r\n").read();
            assertEquals("HTTP/1.1 200 OK", r.statusLine(), "RFC 9110 §6.2: the server's own version");
            assertEquals("close", r.field("Connection"));
            assertTrue(c.closedWithin(CLOSE_WINDOW));
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET /f.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertEquals("keep-alive", r.field("Connection"));
            assertEquals(200, c.send("GET /f.txt HTTP/1.0\r\n\r\n").read().status());
        }
    }

    @Test
    @DisplayName("three pipelined requests in one write: three responses, in order")
    void pipelining() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("GET /a/c.txt HTTP/1.1\r\nHost: t\r\n\r\n" + "GET /nope HTTP/1.1\r\nHost: t\r\n\r\n" + GET_F);
            assertEquals("c\n", c.read().bodyText());
            assertEquals(404, c.read().status());
            assertEquals(Docroot.F_CONTENT, c.read().bodyText());
        }
    }

    @Test
    @DisplayName("POST /echo with a chunked body: the fixture shows the decoded body and the trailer")
    void echoFixtureChunked() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3;ext=1\r\nhel\r\n2\r\nlo\r\n0\r\nX-Trailer: yes\r\n\r\n").read();
            assertEquals(200, r.status());
            assertEquals("application/json", r.field("Content-Type"));
            String json = r.bodyText();
            assertTrue(json.contains("\"body\":\"hello\""), json);
            assertTrue(json.contains("\"framing\":\"chunked\""), json);
            assertTrue(json.contains("[\"X-Trailer\",\"yes\"]"), json);
        }
    }

    @Test
    @DisplayName("the body of a refused request is read and discarded: the sentinel after it is answered (CONN-16)")
    void bodyOfARefusedRequestIsConsumed() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("POST /nonexistent HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nGET /x HTTP" + GET_F);
            RawResponse refused = c.read();
            assertEquals(405, refused.status(), "static paths allow GET, HEAD and OPTIONS only");
            assertEquals("GET, HEAD, OPTIONS", refused.field("Allow"));
            assertEquals(Docroot.F_CONTENT, c.read().bodyText());
        }
    }

    @Test
    @DisplayName("Expect: 100-continue: the interim 100 comes before the body is sent")
    void expectContinue() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, c.read().status());
            c.send("hello");
            RawResponse r = c.read();
            assertEquals(200, r.status());
            assertTrue(r.bodyText().contains("\"body\":\"hello\""), r.bodyText());
        }
    }

    @Test
    @DisplayName("an unknown method answers 501 and the connection stays usable")
    void unknownMethod() throws IOException {
        try (RawConnection c = server.connect()) {
            assertEquals(501, c.send("FOO /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
            assertEquals(405, c.send("DELETE /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
            assertEquals(200, c.send(GET_F).read().status());
        }
    }

    @Test
    @DisplayName("the form page shows submitted parameters HTML-escaped")
    void formPage() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET /form?name=%3Cb%3EAda%3C%2Fb%3E&x=1+2 HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(200, r.status());
            assertTrue(r.bodyText().contains("&lt;b&gt;Ada&lt;/b&gt;"), r.bodyText());
            assertTrue(r.bodyText().contains("1 2"), r.bodyText());
            assertFalse(r.bodyText().contains("<b>Ada"), r.bodyText());
        }
    }

    @Test
    @DisplayName("the access log has one Combined Log Format line per response")
    void accessLog() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("GET /a/c.txt?log=1 HTTP/1.1\r\nHost: t\r\nUser-Agent: test-agent\r\nReferer: http://r/\r\n\r\n").read();
            c.send(GET_F).read();
        }
        assertTrue(server.accessLog().lines().anyMatch(line -> line.matches(
                "127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000] "
                        + "\"GET /a/c.txt\\?log=1 HTTP/1.1\" 200 2 \"http://r/\" \"test-agent\"")), server.accessLog());
    }
}
