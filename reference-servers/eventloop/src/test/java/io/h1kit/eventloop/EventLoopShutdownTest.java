package io.h1kit.eventloop;

import io.h1kit.server.EventLoops;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful shutdown: idle keep-alive connections are closed at once, a request in flight is
 * finished (with {@code Connection: close}) within the grace period, a client that never finishes
 * is closed when the grace ends, and when {@code close()} returns no thread of the server is left.
 */
@Timeout(60)
class EventLoopShutdownTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private RunningServer start(Duration grace) throws IOException {
        return RunningServer.start(new EventLoopStage(), ServerOptions.forTest(Docroot.create(dir))
                .withTimeouts(Timeouts.DEFAULTS.withIdle(LONG).withHeader(LONG).withShutdownGrace(grace))
                .withEventLoops(new EventLoops(2, 100)));
    }

    @Test
    @DisplayName("idle closed at once; a half-sent request finished with Connection: close; no thread left")
    void graceful() throws Exception {
        RunningServer server = start(LONG);
        EventLoopServer ev = (EventLoopServer) server.server();
        List<Thread> threads = ev.threads();
        RawConnection idle = server.connect();
        RawConnection busy = server.connect();
        assertEquals(200, idle.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
        busy.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n");
        Eventually.until("the half-sent request is being read",
                () -> ev.status().loops().stream().mapToInt(l -> l.count(HttpConnection.State.READING_HEAD)).sum() == 1);
        Thread closer = Thread.ofPlatform().start(server::close);
        assertTrue(idle.closedWithin(Duration.ofSeconds(10)), "the idle connection is closed at once");
        RawResponse r = busy.send("\r\n").read();
        assertEquals(200, r.status());
        assertEquals("close", r.field("Connection"));
        closer.join(Duration.ofSeconds(20));
        assertFalse(closer.isAlive(), "close() returned well within the 30 s grace");
        for (Thread t : threads) {
            assertFalse(t.isAlive(), t.getName() + " ended");
        }
        assertEquals(0, ev.status().buffers().outstanding(), "every buffer back in the pool");
        assertTrue(server.errorLog().contains("server_stopped"), server.errorLog());
        assertTrue(server.errorLog().contains("forced_closes=0"), server.errorLog());
        idle.close();
        busy.close();
    }

    @Test
    @DisplayName("a client that never finishes its request is closed when the grace ends")
    void graceEnds() throws Exception {
        RunningServer server = start(Duration.ofMillis(500));
        EventLoopServer ev = (EventLoopServer) server.server();
        try (RawConnection stuck = server.connect()) {
            stuck.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n");
            Eventually.until("the request is being read", () -> ev.status().openConnections() == 1
                    && ev.status().loops().stream().mapToInt(l -> l.count(HttpConnection.State.READING_HEAD)).sum() == 1);
            server.close();
            assertTrue(stuck.closedWithin(Duration.ofSeconds(10)));
            assertTrue(server.errorLog().contains("forced_closes=1"), server.errorLog());
            for (Thread t : ev.threads()) {
                assertFalse(t.isAlive(), t.getName() + " ended");
            }
        }
    }
}
