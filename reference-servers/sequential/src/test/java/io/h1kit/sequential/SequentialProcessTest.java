package io.h1kit.sequential;

import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.ServeProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `h1kit serve --stage sequential` as a real process: serves a folder, then stops cleanly on SIGTERM. */
@Timeout(120)
class SequentialProcessTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("SIGTERM with an idle keep-alive client: closed at once, process exits 0")
    void sigtermExitsZero() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello\n");
        try (ServeProcess process = ServeProcess.start(dir, "--stage", "sequential", "--root", dir.toString(),
                "--idle-timeout", "60s", "--shutdown-grace", "60s");
             RawConnection client = new RawConnection(process.address())) {
            var r = client.send("GET /hello.txt HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals("hello\n", r.bodyText());
            assertEquals(0, process.terminate(), process.stderr());
            assertTrue(client.closedWithin(Duration.ofSeconds(10)));
            assertTrue(process.stderr().contains("server_stopped"), process.stderr());
        }
    }
}
