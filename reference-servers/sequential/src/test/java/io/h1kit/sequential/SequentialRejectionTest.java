package io.h1kit.sequential;

import io.h1kit.http.HttpLimits;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.Timeouts;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input gets its status and a close, never a hang or a stack trace, and the server goes on
 * to serve the next client. Statuses follow the catalogue's PASS column (shared/reference).
 */
@Timeout(60)
class SequentialRejectionTest {
    private static final Duration CLOSE_WINDOW = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    static Path dir;
    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        Timeouts timeouts = new SequentialStage().defaultTimeouts().withIdle(SHORT).withHeader(SHORT).withBody(SHORT);
        ServerOptions options = ServerOptions.forTest(Docroot.create(dir)).withTimeouts(timeouts);
        server = RunningServer.start(new SequentialStage(), options);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("bare LF after the request-line (MSG-03)", "GET / HTTP/1.1\nHost: t\r\n\r\n", 400),
                arguments("bare CR as a line ending (MSG-05)", "GET / HTTP/1.1\rHost: t\r\n\r\n", 400),
                arguments("binary garbage with NUL (MSG-08)", "\u0000\u00ff\u0001garbage\r\n\r\n", 400),
                arguments("two spaces in the request-line (RL-02)", "GET  / HTTP/1.1\r\nHost: t\r\n\r\n", 400),
                arguments("SP before the colon (HDR-01)", "GET / HTTP/1.1\r\nHost: t\r\nX-A : b\r\n\r\n", 400),
                arguments("obs-fold (HDR-02)", "GET / HTTP/1.1\r\nHost: t\r\nX: a\r\n b\r\n\r\n", 400),
                arguments("NUL in a value (HDR-06)", "GET / HTTP/1.1\r\nHost: t\r\nX: a\u0000b\r\n\r\n", 400),
                arguments("no Host in HTTP/1.1 (HOST-01)", "GET / HTTP/1.1\r\n\r\n", 400),
                arguments("two Host lines (HOST-03)", "GET / HTTP/1.1\r\nHost: t\r\nHost: t\r\n\r\n", 400),
                arguments("Content-Length values disagree (CL-04)",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 0\r\n\r\nx", 400),
                arguments("Content-Length +5 (CL-07)", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +5\r\n\r\nhello", 400),
                arguments("Transfer-Encoding with Content-Length (SMUG-01)",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG", 400),
                arguments("unknown transfer coding before chunked (TE-09 variant)",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
                arguments("chunk size overflow (CHK-07)",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF1\r\n", 400),
                arguments("chunk data longer than its size (CHK-08)",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX\r\n0\r\n\r\n", 400),
                arguments("HTTP/2.0 (VER-03)", "GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505),
                arguments("HTTP/01.1 (VER-04)", "GET / HTTP/01.1\r\nHost: t\r\n\r\n", 400),
                arguments("a 1000-byte method (RL-09)", "M".repeat(1000) + " / HTTP/1.1\r\nHost: t\r\n\r\n", 501),
                arguments("a 100 KB target (RL-11)", "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
                arguments("a 100 KB header value (HDR-11)", "GET / HTTP/1.1\r\nHost: t\r\nX: " + "v".repeat(100_000) + "\r\n\r\n", 431),
                arguments("10,000 header lines (HDR-12)", "GET / HTTP/1.1\r\nHost: t\r\n" + "X: y\r\n".repeat(10_000) + "\r\n", 431),
                arguments("a body above the limit (LIM-08)",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (HttpLimits.MAX_BODY_BYTES + 1) + "\r\n\r\n", 413),
                arguments("Expect: foo (EXP-05)", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nExpect: foo\r\n\r\nx", 417));
    }

    @ParameterizedTest(name = "{0} → {2} and close")
    @MethodSource("malformed")
    void rejectsAndCloses(String name, String request, int status) throws IOException {
        try (RawConnection c = server.connect()) {
            c.send(request);
            RawResponse r = c.read();
            assertEquals(status, r.status(), r.statusLine());
            assertEquals("close", r.field("Connection"));
            assertFalse(r.bodyText().contains("Exception"), "no stack trace in a response");
            assertTrue(c.closedWithin(CLOSE_WINDOW), "the server must close after a rejection");
        }
        assertServesNextClient();
    }

    @Test
    @DisplayName("a header section that stops arriving: 408 and close after the header timeout (LIM-03)")
    void headerTimeout() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\n");
            RawResponse r = c.read();
            assertEquals(408, r.status());
            assertTrue(c.closedWithin(CLOSE_WINDOW));
        }
        assertServesNextClient();
    }

    @Test
    @DisplayName("slowloris (LIM-02): a byte now and then does not extend the header deadline")
    void slowloris() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("GET / HTTP/1.1\r\nX-Slow: ");
            InputStream in = c.socket().getInputStream();
            c.socket().setSoTimeout(50); // the client's pace: one byte per 50 ms
            boolean answered = false;
            for (int i = 0; i < 400 && !answered; i++) {
                try {
                    c.send("x");
                    answered = in.read() >= -1; // any byte or end of stream means the server acted
                } catch (SocketTimeoutException e) {
                    // still waiting: send the next byte
                } catch (IOException e) {
                    answered = true; // the server closed and reset our writes
                }
            }
            assertTrue(answered, "the server must give up on a header section that never ends");
        }
        assertServesNextClient();
    }

    @Test
    @DisplayName("a body that stops arriving: no response to the request, close after the body timeout (CL-12)")
    void bodyTimeout() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nhello");
            RawResponse r = c.read();
            assertEquals(408, r.status(), "408 is the allowed answer; the request itself is never answered");
            assertTrue(c.closedWithin(CLOSE_WINDOW));
        }
        assertServesNextClient();
    }

    @Test
    @DisplayName("a silent connection is closed without a response after the idle timeout (LIM-01)")
    void idleTimeout() throws IOException {
        try (RawConnection c = server.connect()) {
            assertTrue(c.closedWithin(CLOSE_WINDOW));
            assertEquals(0, c.readUntilClose().length, "no response to a request that never came");
        }
        assertServesNextClient();
    }

    @Test
    @DisplayName("HEAD refused in its header section: the error has no content (RESP-03), the access log has the request-line")
    void rejectedHeadHasNoBody() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("HEAD /f.txt HTTP/1.1\r\nHost: t\r\nX : y\r\n\r\n").read(true);
            assertEquals(400, r.status());
            assertTrue(Integer.parseInt(r.field("Content-Length")) > 0, "the length GET would have had");
            assertTrue(c.closedWithin(CLOSE_WINDOW), "no content may follow the head");
        }
        assertServesNextClient();
        assertTrue(server.accessLog().contains("\"HEAD /f.txt HTTP/1.1\" 400 -"), server.accessLog());
    }

    @Test
    @DisplayName("a rejection is logged with its status and RFC section")
    void rejectionIsLogged() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\nBad Name: v\r\n\r\n").read();
        }
        assertServesNextClient();
        assertTrue(server.errorLog().lines().anyMatch(l -> l.contains("request_rejected") && l.contains("status=400")
                && l.contains("rfc=\"RFC 9110 §5.1\"")), server.errorLog());
    }

    private static void assertServesNextClient() throws IOException {
        try (RawConnection next = server.connect()) {
            assertEquals(200, next.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
        }
    }
}
