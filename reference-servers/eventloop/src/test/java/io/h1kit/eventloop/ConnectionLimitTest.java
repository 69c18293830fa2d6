package io.h1kit.eventloop;

import io.h1kit.server.EventLoops;
import io.h1kit.server.ServerOptions;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection limit: beyond it a new connection gets 503 with Retry-After and a close, counted; below it again, served. */
@Timeout(60)
class ConnectionLimitTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("limit 3: the fourth connection gets 503 Retry-After: 1 and a close; after one closes, a new one is served")
    void refusesBeyondTheLimit() throws IOException {
        try (RunningServer server = RunningServer.start(new EventLoopStage(),
                ServerOptions.forTest(Docroot.create(dir)).withEventLoops(new EventLoops(1, 3)))) {
            EventLoopServer ev = (EventLoopServer) server.server();
            RawConnection a = server.connect();
            RawConnection b = server.connect();
            RawConnection c = server.connect();
            Eventually.until("three connections are open", () -> ev.status().openConnections() == 3);
            try (RawConnection d = server.connect()) {
                RawResponse r = d.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read();
                assertEquals(503, r.status());
                assertEquals("1", r.field("Retry-After"));
                assertEquals("close", r.field("Connection"));
                assertTrue(d.closedWithin(Duration.ofSeconds(10)));
            }
            assertEquals(1, ev.status().refused());
            // the log goes through the background writer
            Eventually.until("the refusal is logged", server::errorLog, log -> log.contains("overloaded"));
            assertEquals(200, a.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status(), "those within the limit are served");
            c.close();
            Eventually.until("the closed one is counted out", () -> ev.status().openConnections() == 2);
            try (RawConnection e = server.connect()) {
                assertEquals(200, e.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
            }
            a.close();
            b.close();
        }
    }
}
