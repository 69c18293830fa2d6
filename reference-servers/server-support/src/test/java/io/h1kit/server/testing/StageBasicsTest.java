package io.h1kit.server.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every HTTP stage must do over raw sockets, whatever its architecture: a GET, a HEAD with a
 * pipelined GET behind it, keep-alive until {@code Connection: close}, and a malformed request
 * answered with 400 and a close, without harm to the next client. Each stage's server test
 * extends this, starts its stage once for the class on a docroot that holds {@code /f.txt}
 * ({@link #F_CONTENT}), and adds what its architecture promises beyond it.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StageBasicsTest {
    /** The content of {@code /f.txt}: 1000 bytes, "0123456789" repeated, so that a range is easy to predict. */
    public static final String F_CONTENT = "0123456789".repeat(100);
    /** How long a server has to close a connection it said it would close. */
    public static final Duration CLOSE_WINDOW = Duration.ofSeconds(10);
    public static final String GET_F = "GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n";

    /** A folder of the test class's own, for the docroot and anything else the stage needs. */
    protected Path dir;
    /** The stage under test, started once for the test class. */
    protected RunningServer server;

    /** Starts the stage on a docroot created under {@code dir}. */
    protected abstract RunningServer start(Path dir) throws IOException;

    /** The stage's {@code Server} field, e.g. {@code h1kit-eventloop}. */
    protected abstract String serverField();

    @BeforeAll
    void startStage(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        server = start(dir);
    }

    @AfterAll
    void stopStage() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("GET a file: 200 with its content, the stage's Server field, and the connection kept")
    public void basicGet() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send(GET_F).read();
            assertEquals("HTTP/1.1 200 OK", r.statusLine());
            assertEquals(serverField(), r.field("Server"));
            assertEquals("1000", r.field("Content-Length"));
            assertEquals(F_CONTENT, r.bodyText());
            assertNull(r.field("Connection"), "HTTP/1.1 persists by default");
        }
    }

    @Test
    @DisplayName("HEAD: the GET's Content-Length and ETag, no body; a pipelined GET after it parses")
    public void basicHead() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("HEAD /f.txt HTTP/1.1\r\nHost: t\r\n\r\n" + GET_F);
            RawResponse head = c.read(true);
            RawResponse get = c.read();
            assertEquals(200, head.status());
            assertEquals("1000", head.field("Content-Length"));
            assertEquals(0, head.body().length);
            assertEquals(get.field("ETag"), head.field("ETag"));
            assertEquals(F_CONTENT, get.bodyText(), "no stray body bytes before the next response");
        }
    }

    @Test
    @DisplayName("keep-alive: two requests on one connection, then Connection: close closes it")
    public void basicKeepAliveThenClose() throws IOException {
        try (RawConnection c = server.connect()) {
            assertEquals(F_CONTENT, c.send(GET_F).read().bodyText());
            assertEquals(F_CONTENT, c.send(GET_F).read().bodyText());
            RawResponse last = c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
            assertEquals(200, last.status());
            assertEquals("close", last.field("Connection"));
            assertTrue(c.closedWithin(CLOSE_WINDOW));
        }
    }

    @Test
    @DisplayName("bad input (two spaces in the request line): 400 and close, and the next client is served")
    public void basicBadRequest() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET  /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(400, r.status());
            assertEquals("close", r.field("Connection"));
            assertTrue(c.closedWithin(CLOSE_WINDOW));
        }
        try (RawConnection next = server.connect()) {
            assertEquals(200, next.send(GET_F).read().status());
        }
    }
}
