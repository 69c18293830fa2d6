package io.h1kit.eventloop;

import io.h1kit.server.EventLoops;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.Eventually;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that pipelines thousands of requests and reads nothing: the server answers until its
 * output bound, then stops reading, so the client's own writes block; the buffers it holds stay
 * a handful whatever the client sends, and once the client reads, every response arrives in order
 * and every buffer goes back to the pool.
 */
@Timeout(60)
class BackpressureTest {
    /**
     * Under the 1,000 requests a connection may make, and 7 MB of responses: more than the kernel
     * buffers on loopback hold (tcp_wmem's 4 MiB at most, and a receive buffer that does not grow
     * while its reader does not read).
     */
    private static final int REQUESTS = 900;
    /** The output bound in pooled buffers, a read buffer, and one of slack. */
    private static final long MAX_OUTSTANDING =
            HttpConnection.MAX_QUEUED_OUTPUT_BYTES / BufferPool.DEFAULT_BUFFER_BYTES + 2 + 1;

    @TempDir
    Path dir;

    @Test
    @DisplayName("900 pipelined GETs of 8,000 bytes not read: buffers stay bounded, reading pauses; then all 900 answered in order")
    void slowReader() throws Exception {
        try (RunningServer server = RunningServer.start(new EventLoopStage(),
                ServerOptions.forTest(Docroot.create(dir)).withEventLoops(new EventLoops(1, 100)));
             RawConnection c = server.connect()) {
            c.socket().setSendBufferSize(8192);
            EventLoopServer ev = (EventLoopServer) server.server();
            // 2 KB per request: more requests than the kernel's buffers hold once the server stops reading
            byte[] one = ("GET /m.txt HTTP/1.1\r\nHost: t\r\nX-Pad: " + "p".repeat(2_000) + "\r\n\r\n").getBytes();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < REQUESTS; i++) {
                        c.send(one);
                    }
                } catch (IOException e) {
                    failure.set(e);
                }
            });
            Eventually.until("the connection waits on the client (writing, reading paused)",
                    ev::status, st -> st.loops().getFirst().count(HttpConnection.State.WRITING) == 1);
            long answered = server.context().statistics().snapshot().requests();
            long outstanding = ev.status().buffers().outstanding();
            assertTrue(outstanding <= MAX_OUTSTANDING, "buffers held: " + outstanding);
            assertTrue(answered < REQUESTS, "the server paused: " + answered + " answered");
            assertTrue(writer.isAlive(), "the client's writes are held back");

            for (int i = 0; i < REQUESTS; i++) {
                assertEquals(Docroot.M_CONTENT, c.read().bodyText(), "response " + i);
            }
            writer.join();
            assertNull(failure.get());
            Eventually.until("every buffer is back in the pool", () -> ev.status().buffers().outstanding() == 0);
        }
    }
}
