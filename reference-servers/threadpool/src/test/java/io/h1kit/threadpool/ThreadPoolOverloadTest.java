package io.h1kit.threadpool;

import io.h1kit.server.Pool;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.Timeouts;
import io.h1kit.server.testing.Eventually;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the acceptor does when every worker is busy and the queue is full: REJECT answers 503 at
 * once and closes, WAIT stops accepting until a worker frees a place. Each test has a small
 * server of its own; clients hold workers by sending half a request, and the tests follow the
 * pool through {@link ThreadPoolServer#status()} rather than by timing.
 */
@Timeout(60)
class ThreadPoolOverloadTest {
    private static final Duration CLOSE_WINDOW = Duration.ofSeconds(10);
    /** Long enough that no client is timed out while a test holds it. */
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final String HALF = "GET /f.txt HTTP/1.1\r\nHost: t\r\n";
    private static final String GET_F = "GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n";
    private static final String GET_F_CLOSE = "GET /f.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

    @TempDir
    Path dir;

    private RunningServer start(int workers, int queue, Pool.Overload overload) throws IOException {
        ServerOptions options = ServerOptions.forTest(Docroot.create(dir))
                .withTimeouts(Timeouts.DEFAULTS.withIdle(LONG).withHeader(LONG))
                .withPool(new Pool(workers, queue, overload));
        return RunningServer.start(new ThreadPoolStage(), options);
    }

    private static PoolStatus status(RunningServer server) {
        return ((ThreadPoolServer) server.server()).status();
    }

    private static PoolStatus await(RunningServer server, String what, java.util.function.Predicate<PoolStatus> ok) {
        return Eventually.until(what, () -> status(server), ok);
    }

    @Test
    @DisplayName("REJECT, 1 worker, queue of 1: the third client gets 503 with Retry-After and a close; the others are served, then new ones")
    void rejectAnswers503() throws IOException {
        try (RunningServer server = start(1, 1, Pool.Overload.REJECT);
             RawConnection busy = server.connect()) {
            busy.send(HALF);
            await(server, "the worker holds the first client", s -> s.busyWorkers() == 1);
            try (RawConnection queued = server.connect()) {
                queued.send(GET_F_CLOSE);
                await(server, "the second client is queued", s -> s.queued() == 1);

                try (RawConnection third = server.connect()) {
                    third.send(GET_F);
                    RawResponse r = third.read();
                    assertEquals(503, r.status());
                    assertEquals("1", r.field("Retry-After"));
                    assertEquals("close", r.field("Connection"));
                    assertEquals("The server is busy; try again later.\n", r.bodyText());
                    assertTrue(third.closedWithin(CLOSE_WINDOW));
                }
                assertEquals(1, status(server).rejected());

                assertEquals(200, busy.send("\r\n").read().status(), "the first client was not disturbed");
                busy.close();
                RawResponse second = queued.read();
                assertEquals(200, second.status(), "the queued client is served once the worker frees up");
                assertEquals("close", second.field("Connection"));
            }
            try (RawConnection later = server.connect()) {
                assertEquals(200, later.send(GET_F).read().status(), "the server goes on serving");
            }
            Eventually.until("the rejection is in the error log", () -> server.errorLog().contains(" overloaded "));
        }
    }

    @Test
    @DisplayName("the status page, asked on a persistent connection while overloaded, shows the queue full and the rejection")
    void statusWhileOverloaded() throws IOException {
        try (RunningServer server = start(2, 2, Pool.Overload.REJECT);
             RawConnection asker = server.connect();
             RawConnection busy = server.connect()) {
            assertEquals(200, asker.send(GET_F).read().status()); // asker's worker now waits on its connection
            busy.send(HALF);
            await(server, "both workers hold a client", s -> s.busyWorkers() == 2);
            try (RawConnection q1 = server.connect(); RawConnection q2 = server.connect()) {
                q1.send(GET_F_CLOSE);
                q2.send(GET_F_CLOSE);
                await(server, "two clients queued", s -> s.queued() == 2);
                try (RawConnection rejected = server.connect()) {
                    assertEquals(503, rejected.send(GET_F).read().status());
                }
                await(server, "the rejected connection is closed", s -> s.rejected() == 1 && s.openConnections() == 4);

                Map<String, Object> json = ServerStatusTest.json(asker);
                assertEquals(2L, json.get("queued"));
                assertEquals(2L, json.get("queueCapacity"));
                assertEquals(2L, json.get("queueHighWaterMark"));
                assertEquals(1L, json.get("rejected"));
                assertEquals(4L, json.get("openConnections"));
                assertEquals(List.of("reading", "reading"), ServerStatusTest.workers(json).stream().sorted().toList());
                assertEquals(1L, ((Map<?, ?>) json.get("responsesByStatus")).get("503"));

                String text = asker.send("GET /server-status HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText();
                assertTrue(text.contains("queued: 2 of 2 (high-water mark 2)\n"), text);
                assertTrue(text.contains("rejected with 503: 1\n"), text);
                assertTrue(text.contains("workers: 2 (2 busy)\n"), text);
                assertTrue(text.contains("responses by status: 200=") && text.contains(" 503=1"), text);

                asker.close();
                busy.close();
                assertEquals(200, q1.read().status());
                assertEquals(200, q2.read().status());
            }
        }
    }

    @Test
    @DisplayName("WAIT, 1 worker, queue of 1: the third client is accepted but not answered until a worker frees up")
    void waitHoldsTheThirdClient() throws IOException {
        try (RunningServer server = start(1, 1, Pool.Overload.WAIT);
             RawConnection busy = server.connect();
             RawConnection queued = server.connect();
             RawConnection third = server.connect()) {
            busy.send(HALF);
            await(server, "the worker holds the first client", s -> s.busyWorkers() == 1);
            queued.send(GET_F_CLOSE);
            await(server, "the second client is queued", s -> s.queued() == 1);
            third.send(GET_F_CLOSE);
            // The acceptor has taken the third connection and waits for room in the queue.
            Eventually.until("the acceptor accepted the third client",
                    () -> server.context().statistics().snapshot().connections() == 3);
            assertEquals(0, third.socket().getInputStream().available(), "no answer while the pool is full");
            assertEquals(0, status(server).rejected());

            assertEquals(200, busy.send("\r\n").read().status());
            busy.close(); // frees the worker
            assertEquals(200, queued.read().status());
            queued.close(); // as a client does after Connection: close; else the worker lingers on it
            RawResponse r = third.read();
            assertEquals(200, r.status(), "served after the worker freed up");
            assertEquals(Docroot.F_CONTENT, r.bodyText());
            assertEquals(0, status(server).rejected(), "WAIT never refuses");
        }
    }
}
