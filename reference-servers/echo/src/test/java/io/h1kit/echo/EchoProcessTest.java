package io.h1kit.echo;

import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.ServeProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `h1kit serve --stage echo` as a real process: serves, then stops cleanly on SIGTERM. */
@Timeout(120)
class EchoProcessTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("SIGTERM with a client connected: the client is closed and the process exits 0")
    void sigtermExitsZero() throws Exception {
        try (ServeProcess process = ServeProcess.start(dir, "--stage", "echo", "--root", dir.toString());
             RawConnection client = new RawConnection(process.address())) {
            client.send("abc");
            assertEquals("abc", new String(client.socket().getInputStream().readNBytes(3), StandardCharsets.US_ASCII));
            assertEquals(0, process.terminate(), process.stderr());
            assertTrue(client.closedWithin(Duration.ofSeconds(10)));
            assertTrue(process.stderr().contains("server_stopped"), process.stderr());
        }
    }
}
