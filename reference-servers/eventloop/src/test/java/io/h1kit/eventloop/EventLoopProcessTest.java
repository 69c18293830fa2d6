package io.h1kit.eventloop;

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

/**
 * `h1kit serve --stage eventloop` as a real process: --loops and --max-connections reach the
 * server, SIGTERM stops it cleanly with a keep-alive client connected, and the log writer drains
 * before the process exits. The error log goes to a file, as in stage 3's process test (the
 * background writer's lines could split the "listening on" line on standard error).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventLoopProcessTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("--loops 2 --max-connections 10; SIGTERM with a keep-alive client: closed at once, exit 0")
    void sigtermExitsZero() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello\n");
        Path errorLog = dir.resolve("error.log");
        try (ServeProcess process = ServeProcess.start(dir, "--stage", "eventloop", "--root", dir.toString(),
                "--loops", "2", "--max-connections", "10", "--idle-timeout", "60s", "--shutdown-grace", "60s",
                "--error-log", errorLog.toString());
             RawConnection client = new RawConnection(process.address())) {
            var r = client.send("GET /hello.txt HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals("hello\n", r.bodyText());
            assertEquals("h1kit-eventloop", r.field("Server"));
            assertEquals(0, process.terminate(), process.stderr());
            assertTrue(client.closedWithin(Duration.ofSeconds(10)));
            String log = Files.readString(errorLog);
            assertTrue(log.lines().anyMatch(l -> l.contains("server_started") && l.contains("stage=eventloop")
                    && l.contains("loops=2") && l.contains("max_connections=10")), log);
            assertTrue(log.lines().anyMatch(l -> l.contains("server_stopped") && l.contains("loops_ended=true")
                    && l.contains("forced_closes=0") && l.contains("buffers_outstanding=0")), log);
        }
    }
}
