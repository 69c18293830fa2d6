package io.h1kit.server;

import io.h1kit.server.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Write deadlines move with a fake clock; shutdown is checked with real sockets and generous bounds. */
@Timeout(30)
class ConnectionsTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final FakeClock clock = new FakeClock(0);
    private final ErrorLog errorLog = new ErrorLog(LogSink.to(log), clock);

    @Test
    @DisplayName("a write blocked past its deadline gets its socket closed, and is logged as write_timeout")
    void overdueWriteIsClosed() throws IOException {
        try (Connections connections = new Connections(clock, errorLog, "test"); SocketPair pair = SocketPair.open()) {
            Connections.Connection c = connections.open(pair.server());
            c.beginWrite(Duration.ofSeconds(10));
            clock.advance(Duration.ofSeconds(9));
            connections.closeOverdueWrites();
            assertFalse(pair.server().isClosed(), "one second before the deadline");
            clock.advance(Duration.ofSeconds(1));
            connections.closeOverdueWrites();
            assertTrue(pair.server().isClosed());
            assertTrue(c.writeTimedOut());
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("warn write_timeout client=127.0.0.1:"), log.toString());
        }
    }

    @Test
    @DisplayName("a finished write disarms the deadline")
    void endWriteDisarms() throws IOException {
        try (Connections connections = new Connections(clock, errorLog, "test"); SocketPair pair = SocketPair.open()) {
            Connections.Connection c = connections.open(pair.server());
            c.beginWrite(Duration.ofSeconds(1));
            c.endWrite();
            clock.advance(Duration.ofMinutes(5));
            connections.closeOverdueWrites();
            assertFalse(pair.server().isClosed());
            assertFalse(c.writeTimedOut());
        }
    }

    @Test
    @DisplayName("shutdown closes idle connections at once and waits for busy ones to finish")
    void shutdownClosesIdleAndWaitsForBusy() throws Exception {
        try (Connections connections = new Connections(Clock.SYSTEM, errorLog, "test");
             SocketPair idlePair = SocketPair.open(); SocketPair busyPair = SocketPair.open()) {
            Connections.Connection idle = connections.open(idlePair.server());
            Connections.Connection busy = connections.open(busyPair.server());
            assertTrue(idle.idle());
            busy.busy();
            CompletableFuture<Integer> shutdown = CompletableFuture.supplyAsync(() -> connections.shutdown(Duration.ofSeconds(60)));
            assertEquals(-1, idlePair.client().getInputStream().read(), "the idle client sees the close");
            idle.close(); // what the thread serving it does when its read fails
            assertFalse(busy.idle(), "a busy connection that finishes its work must not wait for more");
            assertTrue(busy.stopping());
            busy.close();
            assertEquals(0, shutdown.get(), "nothing had to be forced: the busy connection finished");
            assertNull(connections.open(busyPair.client()), "no new connections once stopping");
        }
    }

    @Test
    @DisplayName("shutdown closes a busy connection when the grace period ends")
    void shutdownForcesBusyAfterGrace() throws Exception {
        try (Connections connections = new Connections(Clock.SYSTEM, errorLog, "test"); SocketPair pair = SocketPair.open()) {
            Connections.Connection busy = connections.open(pair.server());
            busy.busy();
            assertEquals(1, connections.shutdown(Duration.ofMillis(100)));
            assertTrue(pair.server().isClosed());
        }
    }
}
