package io.h1kit.threadpool;

import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.Eventually;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stage 3 over raw sockets with its default pool: the HTTP the shared connection handler gives
 * every blocking stage, and what the pool adds, clients served at the same time.
 */
@Timeout(60)
class ThreadPoolServerTest {
    private static final Duration CLOSE_WINDOW = Duration.ofSeconds(10);
    private static final String GET_F = "GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n";

    @TempDir
    static Path dir;
    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(new ThreadPoolStage(), ServerOptions.forTest(Docroot.create(dir)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("GET a file: 200 with its content, the stage's Server field, and the connection kept")
    void getFile() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send(GET_F).read();
            assertEquals("HTTP/1.1 200 OK", r.statusLine());
            assertEquals("h1kit-threadpool", r.field("Server"));
            assertEquals("1000", r.field("Content-Length"));
            assertEquals(Docroot.F_CONTENT, r.bodyText());
            assertNull(r.field("Connection"), "HTTP/1.1 persists by default");
        }
    }

    @Test
    @DisplayName("HEAD: the GET's Content-Length, no body; a pipelined GET after it parses")
    void head() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("HEAD /f.txt HTTP/1.1\r\nHost: t\r\n\r\n" + GET_F);
            RawResponse head = c.read(true);
            RawResponse get = c.read();
            assertEquals(200, head.status());
            assertEquals("1000", head.field("Content-Length"));
            assertEquals(0, head.body().length);
            assertEquals(Docroot.F_CONTENT, get.bodyText());
        }
    }

    @Test
    @DisplayName("keep-alive: two requests on one connection, then Connection: close closes it")
    void keepAliveThenClose() throws IOException {
        try (RawConnection c = server.connect()) {
            assertEquals(200, c.send(GET_F).read().status());
            assertEquals(200, c.send(GET_F).read().status());
            RawResponse last = c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
            assertEquals("close", last.field("Connection"));
            assertTrue(c.closedWithin(CLOSE_WINDOW));
        }
    }

    @Test
    @DisplayName("a client holding half a request does not block another: the second is answered while the first is open")
    void slowClientDoesNotBlockAnother() throws IOException {
        try (RawConnection slow = server.connect(); RawConnection fast = server.connect()) {
            slow.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n");
            assertEquals(Docroot.F_CONTENT, fast.send(GET_F).read().bodyText());
            // The slow client's connection was open all along: it completes its request and is answered.
            RawResponse r = slow.send("\r\n").read();
            assertEquals(200, r.status());
            assertEquals(Docroot.F_CONTENT, r.bodyText());
        }
    }

    @Test
    @DisplayName("8 persistent connections open at once, each answered in turn on its own worker")
    void manyPersistentClients() throws IOException {
        List<RawConnection> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RawConnection c = server.connect();
                clients.add(c);
                c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n");
            }
            // Every connection holds half a request; the last client to complete is answered first.
            for (int i = clients.size() - 1; i >= 0; i--) {
                assertEquals(200, clients.get(i).send("\r\n").read().status(), "client " + i);
            }
            for (RawConnection c : clients) {
                assertEquals(200, c.send(GET_F).read().status(), "the connections persist");
            }
        } finally {
            for (RawConnection c : clients) {
                c.close();
            }
        }
    }

    @Test
    @DisplayName("bad input: 400 and close from the shared handler, and the next client is served")
    void badInputRejected() throws IOException {
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

    @Test
    @DisplayName("the access log line is written by the log writer thread, shortly after the response")
    void accessLogThroughTheWriterThread() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("GET /f.txt?access-log-test HTTP/1.1\r\nHost: t\r\nUser-Agent: pool-test\r\n\r\n").read();
        }
        Eventually.until("the access log has the request", () -> server.accessLog().lines().anyMatch(line ->
                line.contains("\"GET /f.txt?access-log-test HTTP/1.1\" 200 1000 \"-\" \"pool-test\"")));
    }
}
