package io.h1kit.eventloop;

import io.h1kit.server.EventLoops;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.Json;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /server-status} of stage 4: per loop, the buffer pool with its leak count, as text and JSON. */
@Timeout(60)
class ServerStatusTest {
    @TempDir
    Path dir;

    private RunningServer start() throws IOException {
        return RunningServer.start(new EventLoopStage(), ServerOptions.forTest(Docroot.create(dir))
                .withEventLoops(new EventLoops(2, 50)));
    }

    @Test
    @DisplayName("text: counts, the connection limit, the buffer pool, and one line per loop")
    void text() throws IOException {
        try (RunningServer server = start(); RawConnection c = server.connect()) {
            c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read();
            c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read();
            RawResponse r = c.send("GET /server-status HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(200, r.status());
            assertEquals("no-store", r.field("Cache-Control"));
            String text = r.bodyText();
            assertTrue(text.startsWith("h1kit eventloop server status\n"), text);
            assertTrue(text.contains("responses by status: 200=2\n"), text);
            assertTrue(text.contains("open connections: 1 of 50\n"), text);
            assertTrue(text.contains("refused with 503: 0\n"), text);
            assertTrue(text.contains("loops: 2\n"), text);
            assertTrue(text.contains("  loop 0: "), text);
            assertTrue(text.contains("  loop 1: "), text);
            // this request's own read buffer is the one outstanding buffer
            assertTrue(text.contains("buffers: 1 outstanding"), text);
            assertTrue(text.contains("file cache 1 files 1000 bytes 1 hits 1 misses"), text);
        }
    }

    @Test
    @DisplayName("JSON: the same numbers, machine-readable; HEAD has no body; POST is 405 with Allow")
    @SuppressWarnings("unchecked")
    void json() throws IOException {
        try (RunningServer server = start(); RawConnection c = server.connect()) {
            c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read();
            RawResponse r = c.send("GET /server-status?format=json HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals("application/json", r.field("Content-Type"));
            Map<String, Object> doc = Json.object(r.bodyText());
            assertEquals("eventloop", doc.get("stage"));
            assertEquals(1L, ((Map<String, Object>) doc.get("responsesByStatus")).get("200"));
            assertEquals(50L, doc.get("maxConnections"));
            Map<String, Object> buffers = (Map<String, Object>) doc.get("buffers");
            assertEquals(1L, buffers.get("outstanding"));
            assertEquals((long) BufferPool.DEFAULT_BUFFER_BYTES, buffers.get("bufferBytes"));
            List<Object> loops = (List<Object>) doc.get("loops");
            assertEquals(2, loops.size());
            long connections = 0;
            for (Object o : loops) {
                Map<String, Object> loop = (Map<String, Object>) o;
                connections += (Long) loop.get("connections");
                assertTrue(((Map<String, Object>) loop.get("states")).containsKey("reading-body"), loop.toString());
            }
            assertEquals(1L, connections);

            RawResponse head = c.send("HEAD /server-status HTTP/1.1\r\nHost: t\r\n\r\n").read(true);
            assertEquals(200, head.status());
            RawResponse post = c.send("POST /server-status HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n").read();
            assertEquals(405, post.status());
            assertEquals("GET, HEAD", post.field("Allow"));
        }
    }
}
