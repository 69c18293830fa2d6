package io.h1kit.threadpool;

import io.h1kit.server.Pool;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.Timeouts;
import io.h1kit.server.testing.Eventually;
import io.h1kit.server.testing.Json;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /server-status} as text and as JSON: its counters move with the requests, and each
 * worker's state is what its client is doing. A server of its own, with 4 workers, so that the
 * tests know every connection it has.
 */
@Timeout(60)
class ServerStatusTest {
    private static final int WORKERS = 4;
    private static final int QUEUE = 8;
    /** Long enough that no idle or half-sent client is timed out while a test looks at it. */
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final String GET_F = "GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n";
    private static final String STATUS_JSON = "GET /server-status?format=json HTTP/1.1\r\nHost: t\r\n\r\n";

    @TempDir
    static Path dir;
    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        ServerOptions options = ServerOptions.forTest(Docroot.create(dir))
                .withTimeouts(Timeouts.DEFAULTS.withIdle(LONG).withHeader(LONG))
                .withPool(new Pool(WORKERS, QUEUE, Pool.Overload.REJECT));
        server = RunningServer.start(new ThreadPoolStage(), options);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> json(RawConnection c) throws IOException {
        RawResponse r = c.send(STATUS_JSON).read();
        assertEquals(200, r.status());
        assertEquals("application/json", r.field("Content-Type"));
        assertEquals("no-store", r.field("Cache-Control"));
        return Json.object(r.bodyText());
    }

    @SuppressWarnings("unchecked")
    static List<String> workers(Map<String, Object> status) {
        return (List<String>) status.get("workers");
    }

    @Test
    @DisplayName("JSON: the pool's shape, and requests, connections and responses by status counted exactly")
    @SuppressWarnings("unchecked")
    void jsonCounts() throws IOException {
        try (RawConnection c = server.connect()) {
            Map<String, Object> before = json(c);
            assertEquals("threadpool", before.get("stage"));
            assertEquals((long) QUEUE, before.get("queueCapacity"));
            assertEquals(0L, before.get("queued"));
            assertEquals(0L, before.get("rejected"));
            assertEquals(0L, before.get("logLinesDropped"));
            assertEquals(WORKERS, workers(before).size());
            assertTrue((Long) before.get("uptimeMillis") >= 0);

            assertEquals(404, c.send("GET /missing.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
            Map<String, Object> after = json(c);
            // Between the two snapshots: the first status response and the 404, on the same connection.
            assertEquals((Long) before.get("requests") + 2, after.get("requests"));
            assertEquals(before.get("connectionsAccepted"), after.get("connectionsAccepted"));
            Map<String, Object> byStatusBefore = (Map<String, Object>) before.get("responsesByStatus");
            Map<String, Object> byStatusAfter = (Map<String, Object>) after.get("responsesByStatus");
            assertEquals((Long) byStatusBefore.getOrDefault("404", 0L) + 1, byStatusAfter.get("404"));
            assertEquals((Long) byStatusBefore.getOrDefault("200", 0L) + 1, byStatusAfter.get("200"));
            assertTrue((Long) after.get("bytesOut") > (Long) before.get("bytesOut"));
            assertTrue((Long) after.get("bytesIn") >= (Long) before.get("bytesIn"));
        }
    }

    @Test
    @DisplayName("worker states: keep-alive for a client idling on a persistent connection, reading for one holding half a request")
    void workerStates() throws IOException {
        try (RawConnection idle = server.connect(); RawConnection half = server.connect();
             RawConnection asker = server.connect()) {
            assertEquals(200, idle.send(GET_F).read().status());
            half.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n");
            // The worker answering the status request is reading too: it counts its own request.
            // Earlier tests' connections may still be closing: wait until only these three are open.
            Map<String, Object> status = Eventually.until("one keep-alive, two reading, one idle worker",
                    () -> uncheckedJson(asker), s -> count(s, "keep-alive") == 1 && count(s, "reading") == 2
                            && count(s, "idle") == 1 && s.get("openConnections").equals(3L));
            assertEquals(0L, status.get("queued"));

            RawResponse text = asker.send("GET /server-status HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals("text/plain; charset=utf-8", text.field("Content-Type"));
            String body = text.bodyText();
            assertTrue(body.startsWith("h1kit threadpool server status\n"), body);
            assertTrue(body.contains("workers: 4 (3 busy)\n"), body);
            assertEquals(1, body.lines().filter(l -> l.matches("  worker \\d: keep-alive")).count(), body);
            assertEquals(2, body.lines().filter(l -> l.matches("  worker \\d: reading")).count(), body);
            assertEquals(1, body.lines().filter(l -> l.matches("  worker \\d: idle")).count(), body);
            assertTrue(body.contains("open connections: 3\n"), body);
            assertTrue(body.contains("queued: 0 of 8 (high-water mark "), body);
            assertTrue(body.contains("rejected with 503: 0\n"), body);

            // The half request completes: that worker is answered and then waits in keep-alive too.
            assertEquals(200, half.send("\r\n").read().status());
            Eventually.until("two keep-alive workers", () -> uncheckedJson(asker), s -> count(s, "keep-alive") == 2);
        }
    }

    @Test
    @DisplayName("HEAD /server-status has no body; POST is 405 with Allow; other paths go to the site")
    void methodsAndPaths() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse head = c.send("HEAD /server-status HTTP/1.1\r\nHost: t\r\n\r\n").read(true);
            assertEquals(200, head.status());
            assertEquals("text/plain; charset=utf-8", head.field("Content-Type"));
            RawResponse post = c.send("POST /server-status HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n").read();
            assertEquals(405, post.status());
            assertEquals("GET, HEAD", post.field("Allow"));
            assertEquals(Docroot.F_CONTENT, c.send(GET_F).read().bodyText());
            RawResponse badQuery = c.send("GET /server-status?format=%zz HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(400, badQuery.status());
        }
    }

    private static Map<String, Object> uncheckedJson(RawConnection c) {
        try {
            return json(c);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int count(Map<String, Object> status, String state) {
        return Collections.frequency(workers(status), state);
    }
}
