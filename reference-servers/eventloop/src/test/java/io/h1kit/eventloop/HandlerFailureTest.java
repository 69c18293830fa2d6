package io.h1kit.eventloop;

import io.h1kit.http.Handler;
import io.h1kit.http.Request;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import io.h1kit.http.site.Site;
import io.h1kit.server.Clock;
import io.h1kit.server.EventLoops;
import io.h1kit.server.LogSink;
import io.h1kit.server.ServerContext;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A handler that throws: 500 and a close for that client, one handler_failed line, and the loop serves on. */
@Timeout(60)
class HandlerFailureTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("GET /boom throws in the handler: 500 with Connection: close; the next client on the same loop is served")
    void handlerFailure() throws Exception {
        ServerOptions options = ServerOptions.forTest(Docroot.create(dir)).withEventLoops(new EventLoops(1, 10));
        Site site = new Site(options.files());
        Handler failing = new Handler() {
            @Override
            public Response handle(Request request, long now) {
                if (request.head().target().path().equals("/boom")) {
                    throw new IllegalStateException("boom");
                }
                return site.handle(request, now);
            }

            @Override
            public Response error(Status status) {
                return site.error(status);
            }
        };
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try (ServerContext context = new ServerContext(options, Clock.SYSTEM, LogSink.open(LogSink.OFF, java.io.FileDescriptor.out), LogSink.to(errors))) {
            EventLoopServer server = new EventLoopServer("eventloop", context, failing, "h1kit-eventloop",
                    new BufferPool(BufferPool.DEFAULT_BUFFER_BYTES, 16), () -> { });
            server.start();
            try (RawConnection c = new RawConnection(server.address())) {
                RawResponse r = c.send("GET /boom HTTP/1.1\r\nHost: t\r\n\r\n").read();
                assertEquals(500, r.status());
                assertEquals("close", r.field("Connection"));
                assertTrue(c.closedWithin(Duration.ofSeconds(10)));
            }
            try (RawConnection c = new RawConnection(server.address())) {
                assertEquals(200, c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
            }
            server.close();
            String log;
            synchronized (errors) {
                log = errors.toString(StandardCharsets.UTF_8);
            }
            assertTrue(log.contains("handler_failed") && log.contains("boom"), log);
        }
    }
}
