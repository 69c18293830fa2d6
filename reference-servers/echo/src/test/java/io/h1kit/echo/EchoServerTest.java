package io.h1kit.echo;

import io.h1kit.http.files.FileOptions;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.Timeouts;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage 1 over real sockets: the echo must be byte-exact whatever the client does. */
@Timeout(120)
class EchoServerTest {
    private static final Duration CLOSE_WINDOW = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private ServerOptions options(Timeouts timeouts) {
        return ServerOptions.forTest(FileOptions.defaults(root)).withTimeouts(timeouts);
    }

    private RunningServer start() throws IOException {
        return RunningServer.start(new EchoStage(), options(new EchoStage().defaultTimeouts()));
    }

    private static Timeouts with(Duration idle, Duration write, Duration grace) {
        return Timeouts.DEFAULTS.withIdle(idle).withWrite(write).withShutdownGrace(grace);
    }

    @Test
    @DisplayName("64 MiB in random-sized writes comes back intact (SHA-256), then the server closes after our FIN")
    void echoesSixtyFourMebibytesIntact() throws Exception {
        try (RunningServer server = start(); RawConnection client = server.connect()) {
            int size = 64 * 1024 * 1024;
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = client.socket().getOutputStream();
                    Random random = new Random(42);
                    byte[] chunk = new byte[200_000];
                    int left = size;
                    while (left > 0) {
                        int n = Math.min(left, 1 + random.nextInt(chunk.length));
                        random.nextBytes(chunk);
                        sent.update(chunk, 0, n);
                        out.write(chunk, 0, n);
                        left -= n;
                    }
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            long count = 0;
            InputStream in = client.socket().getInputStream();
            byte[] buffer = new byte[65_536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.update(buffer, 0, n);
                count += n;
            }
            writer.join();
            assertEquals(size, count);
            assertArrayEquals(sent.digest(), received.digest());
        }
    }

    @Test
    @DisplayName("every byte value, NUL and CRLF included, is echoed unchanged")
    void binaryTransparency() throws Exception {
        byte[] all = new byte[1024];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (RunningServer server = start(); RawConnection client = server.connect()) {
            client.send(all);
            client.shutdownOutput();
            assertArrayEquals(all, client.readUntilClose());
        }
    }

    @Test
    @DisplayName("10 KB sent one byte per write is echoed whole (no message boundaries assumed)")
    void oneBytePerWrite() throws Exception {
        byte[] data = new byte[10_240];
        new Random(7).nextBytes(data);
        try (RunningServer server = start(); RawConnection client = server.connect()) {
            OutputStream out = client.socket().getOutputStream();
            for (byte b : data) {
                out.write(b);
                out.flush();
            }
            client.shutdownOutput();
            assertArrayEquals(data, client.readUntilClose());
        }
    }

    @Test
    @DisplayName("half-close: the rest is echoed, then the server closes its side; the next client is served")
    void halfCloseFlushesThenCloses() throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(3).nextBytes(data);
        try (RunningServer server = start()) {
            try (RawConnection client = server.connect()) {
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        client.send(data);
                        client.shutdownOutput();
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                byte[] echoed = client.readUntilClose();
                writer.join();
                assertArrayEquals(data, echoed);
            }
            assertRoundTrip(server);
            assertTrue(server.accessLog().contains("bytes_in=1048576 bytes_out=1048576"), server.accessLog());
            assertTrue(server.accessLog().contains("end=eof"), server.accessLog());
        }
    }

    @Test
    @DisplayName("a silent client is closed after the idle timeout, and the log says so")
    void idleTimeout() throws Exception {
        try (RunningServer server = RunningServer.start(new EchoStage(),
                options(with(Duration.ofMillis(300), Timeouts.WRITE, Timeouts.SHUTDOWN_GRACE)))) {
            try (RawConnection idle = server.connect()) {
                assertTrue(idle.closedWithin(CLOSE_WINDOW), "the server should close an idle client");
            }
            assertRoundTrip(server);
            assertTrue(server.accessLog().contains("end=idle_timeout"), server.accessLog());
        }
    }

    @Test
    @DisplayName("a client that resets mid-transfer is survived: the next client is served")
    void resetIsSurvived() throws Exception {
        try (RunningServer server = start()) {
            Socket rude = new Socket(server.address().getAddress(), server.address().getPort());
            rude.getOutputStream().write(new byte[65_536]);
            rude.setSoLinger(true, 0);
            rude.close(); // RST
            assertRoundTrip(server);
            assertTrue(server.accessLog().lines().anyMatch(l -> l.contains("end=")), server.accessLog());
        }
    }

    @Test
    @DisplayName("a client that never reads is cut off by the write timeout; the server goes on")
    void writeTimeout() throws Exception {
        try (RunningServer server = RunningServer.start(new EchoStage(),
                options(with(Duration.ofSeconds(30), Duration.ofMillis(300), Timeouts.SHUTDOWN_GRACE)))) {
            try (RawConnection stuck = server.connect()) {
                stuck.socket().setReceiveBufferSize(4096);
                OutputStream out = stuck.socket().getOutputStream();
                byte[] chunk = new byte[65_536];
                // Writing without reading fills both directions' buffers; the server's write then
                // blocks until its deadline and the connection is closed under us.
                assertThrows(IOException.class, () -> {
                    for (int i = 0; i < 100_000; i++) {
                        out.write(chunk);
                    }
                });
            }
            assertRoundTrip(server);
            assertTrue(server.accessLog().contains("end=write_timeout"), server.accessLog());
            assertTrue(server.errorLog().contains("write_timeout"), server.errorLog());
        }
    }

    @Test
    @DisplayName("shutdown closes an idle client at once, without waiting for the grace period")
    void shutdownClosesIdleClients() throws Exception {
        RunningServer server = RunningServer.start(new EchoStage(),
                options(with(Duration.ofSeconds(60), Timeouts.WRITE, Duration.ofSeconds(90))));
        try (RawConnection idle = server.connect()) {
            idle.send("ping");
            assertEquals("ping", new String(readExactly(idle, 4), StandardCharsets.US_ASCII));
            server.close(); // the 120 s class timeout fails this if shutdown waited the 90 s grace
            assertTrue(idle.closedWithin(CLOSE_WINDOW));
            assertTrue(server.accessLog().contains("end=shutdown"), server.accessLog());
        }
    }

    @Test
    @DisplayName("shutdown ends a client that floods without reading: bounded by the grace period")
    void shutdownEndsBusyClients() throws Exception {
        RunningServer server = RunningServer.start(new EchoStage(),
                options(with(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(200))));
        try (RawConnection busy = server.connect()) {
            busy.socket().setReceiveBufferSize(4096);
            OutputStream out = busy.socket().getOutputStream();
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    while (true) {
                        out.write(new byte[65_536]);
                    }
                } catch (IOException e) {
                    // the server closed the connection: expected
                }
            });
            readExactly(busy, 1); // the server is echoing
            server.close(); // the write timeout is 60 s: only the 200 ms grace can end this
            flood.join();
            assertTrue(server.errorLog().contains("server_stopped"), server.errorLog());
        }
    }

    private static byte[] readExactly(RawConnection c, int n) throws IOException {
        byte[] out = c.socket().getInputStream().readNBytes(n);
        assertEquals(n, out.length);
        return out;
    }

    /** One echo round trip on a fresh connection: proves the server is serving (and, being iterative, finished the previous client). */
    private static void assertRoundTrip(RunningServer server) throws IOException {
        try (RawConnection next = server.connect()) {
            next.send("hello\n");
            next.shutdownOutput();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(next.readUntilClose());
            assertEquals("hello\n", all.toString(StandardCharsets.US_ASCII));
        }
    }
}
