package io.h1kit.threadpool;

import io.h1kit.server.Connections;
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
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful shutdown: queued connections are still served (with {@code Connection: close}), idle
 * keep-alive connections are closed at once, busy ones get the grace period, and when
 * {@code close()} returns no thread of the server is left.
 */
@Timeout(60)
class ThreadPoolShutdownTest {
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** Long enough that no client is timed out while a test holds it. */
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final String THREAD_PREFIX = "h1kit-threadpool";
    private static final String HALF = "GET /f.txt HTTP/1.1\r\nHost: t\r\n";
    private static final String GET_F = "GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n";

    @TempDir
    Path dir;

    private RunningServer start(int workers, int queue, Duration grace) throws IOException {
        ServerOptions options = ServerOptions.forTest(Docroot.create(dir))
                .withTimeouts(Timeouts.DEFAULTS.withIdle(LONG).withHeader(LONG).withShutdownGrace(grace))
                .withPool(new Pool(workers, queue, Pool.Overload.REJECT));
        return RunningServer.start(new ThreadPoolStage(), options);
    }

    private static PoolStatus status(RunningServer server) {
        return ((ThreadPoolServer) server.server()).status();
    }

    private static long count(PoolStatus s, Connections.State state) {
        return Arrays.stream(s.workers()).filter(w -> w == state).count();
    }

    /**
     * Connects and waits until a worker holds the connection, so that the next one cannot find the
     * queue full merely because no worker had taken this one yet.
     */
    private static RawConnection taken(RunningServer server, int busyWorkers) throws IOException {
        RawConnection c = server.connect();
        Eventually.until(busyWorkers + " busy workers", () -> status(server), s -> s.busyWorkers() == busyWorkers);
        return c;
    }

    /** Live threads of a thread-pool server, by name. */
    private static Set<Thread> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(THREAD_PREFIX) && t.isAlive()).collect(Collectors.toSet());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    @DisplayName("idle keep-alive closed at once, the queued client served with Connection: close, "
            + "a busy client that finishes within the grace answered, one that does not closed after it")
    void gracefulShutdown() throws Exception {
        Set<Thread> before = serverThreads();
        try (RunningServer server = start(3, 2, GRACE);
             RawConnection idle = taken(server, 1);
             RawConnection finishing = taken(server, 2);
             RawConnection stalled = taken(server, 3);
             RawConnection queued = server.connect()) {
            assertEquals(200, idle.send(GET_F).read().status());
            finishing.send(HALF);
            stalled.send(HALF);
            Eventually.until("one keep-alive and two reading workers", () -> status(server),
                    s -> count(s, Connections.State.KEEP_ALIVE) == 1 && count(s, Connections.State.READING) == 2);
            queued.send(GET_F);
            Eventually.until("one client queued", () -> status(server), s -> s.queued() == 1);
            assertTrue(serverThreads().size() > before.size(), "the server's threads are named " + THREAD_PREFIX + "-*");

            long start = System.nanoTime();
            Thread closer = Thread.ofPlatform().name("closer").start(server.server()::close);

            assertTrue(idle.closedWithin(GRACE), "the idle connection must close at once, not after the grace");
            assertTrue(millisSince(start) < GRACE.toMillis());
            assertEquals(0, idle.readUntilClose().length, "closed without a response");

            RawResponse q = queued.read();
            assertEquals(200, q.status(), "a connection queued before the shutdown has its request served");
            assertEquals("close", q.field("Connection"));
            assertTrue(queued.closedWithin(GRACE));
            queued.close();

            RawResponse f = finishing.send("\r\n").read();
            assertEquals(200, f.status(), "a busy client that completes within the grace is answered");
            assertEquals("close", f.field("Connection"));
            assertTrue(finishing.closedWithin(GRACE));
            finishing.close();

            assertTrue(stalled.closedWithin(Duration.ofSeconds(10)), "the stalled client is closed after the grace");
            assertTrue(millisSince(start) >= GRACE.toMillis(), "closed after " + millisSince(start) + " ms, before the grace");

            assertTrue(closer.join(Duration.ofSeconds(10)), "close() returns once every thread has ended");
            Set<Thread> left = serverThreads();
            left.removeAll(before);
            assertEquals(Set.of(), left);
            String log = server.errorLog();
            assertTrue(log.lines().anyMatch(l -> l.contains("server_stopped") && l.contains("forced_closes=1")
                    && l.contains("workers_ended=true")), log);
        }
    }

    @Test
    @DisplayName("close() with a keep-alive client and idle workers returns well inside a long grace, leaving no thread")
    void closeLeavesNoThread() throws IOException {
        Set<Thread> before = serverThreads();
        Duration longGrace = Duration.ofSeconds(30);
        try (RunningServer server = start(4, 4, longGrace); RawConnection c = server.connect()) {
            assertEquals(200, c.send(GET_F).read().status());
            Eventually.until("the worker waits on the idle client", () -> status(server),
                    s -> count(s, Connections.State.KEEP_ALIVE) == 1);
            long start = System.nanoTime();
            server.close();
            assertTrue(millisSince(start) < longGrace.toMillis() / 3,
                    "nothing was busy, yet close() took " + millisSince(start) + " ms");
            assertTrue(c.closedWithin(Duration.ofSeconds(10)));
        }
        Set<Thread> left = serverThreads();
        left.removeAll(before);
        assertEquals(Set.of(), left, "acceptor, workers, reaper and log writers must all have ended");
    }
}
