package io.h1kit.eventloop;

import io.h1kit.server.EventLoops;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.Eventually;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import io.h1kit.server.testing.RunningServer;
import io.h1kit.server.testing.StageBasicsTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stage 4 over raw sockets with two loops: the HTTP every stage gives, and what the event loop
 * adds: pipelined requests answered in order from one read, a request split byte by byte, a large
 * file sent by transferTo, many connections on few threads.
 */
@Timeout(60)
class EventLoopServerTest extends StageBasicsTest {
    @Override
    protected RunningServer start(Path dir) throws IOException {
        return RunningServer.start(new EventLoopStage(), ServerOptions.forTest(Docroot.create(dir))
                .withEventLoops(new EventLoops(2, EventLoops.MAX_CONNECTIONS)));
    }

    @Override
    protected String serverField() {
        return "h1kit-eventloop";
    }

    @Test
    @DisplayName("16 requests in one write: 16 responses, in request order")
    void pipelining() throws IOException {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            requests.append("GET /echo?i=").append(i).append(" HTTP/1.1\r\nHost: t\r\n\r\n");
        }
        try (RawConnection c = server.connect()) {
            c.send(requests.toString());
            for (int i = 0; i < 16; i++) {
                RawResponse r = c.read();
                assertEquals(200, r.status());
                assertTrue(r.bodyText().contains("\"/echo?i=" + i + "\""), r.bodyText());
            }
        }
    }

    @Test
    @DisplayName("a request sent one byte per write is parsed as it arrives and answered once whole")
    void byteByByte() throws IOException {
        byte[] request = "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello".getBytes();
        try (RawConnection c = server.connect()) {
            for (byte b : request) {
                c.send(new byte[] {b});
            }
            RawResponse r = c.read();
            assertEquals(200, r.status());
            assertTrue(r.bodyText().contains("\"hello\""), r.bodyText());
        }
    }

    @Test
    @DisplayName("a 4 MiB file (transferTo) arrives whole: same SHA-256 as on disk; then the connection serves again")
    void largeFile() throws IOException, NoSuchAlgorithmException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(200, r.status());
            assertEquals(String.valueOf(Docroot.BIG_BYTES), r.field("Content-Length"));
            byte[] expected = Files.readAllBytes(dir.resolve("www/big.bin"));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            assertEquals(HexFormat.of().formatHex(sha.digest(expected)), HexFormat.of().formatHex(sha.digest(r.body())));
            assertEquals(Docroot.F_CONTENT, c.send(GET_F).read().bodyText());
        }
    }

    @Test
    @DisplayName("a range of the large file: 206 with exactly those bytes")
    void range() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET /big.bin HTTP/1.1\r\nHost: t\r\nRange: bytes=100000-100099\r\n\r\n").read();
            assertEquals(206, r.status());
            byte[] all = Files.readAllBytes(dir.resolve("www/big.bin"));
            assertArrayEquals(java.util.Arrays.copyOfRange(all, 100_000, 100_100), r.body());
        }
    }

    @Test
    @DisplayName("Expect: 100-continue with no body sent yet: 100 first, then the final response")
    void expectContinue() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, c.read().status());
            RawResponse r = c.send("abc").read();
            assertEquals(200, r.status());
            assertTrue(r.bodyText().contains("\"abc\""), r.bodyText());
        }
    }

    @Test
    @DisplayName("bad input (bare LF): 400 and close, and the next client is served")
    void rejection() throws IOException {
        try (RawConnection c = server.connect()) {
            RawResponse r = c.send("GET / HTTP/1.1\nHost: t\n\n").read();
            assertEquals(400, r.status());
            assertEquals("close", r.field("Connection"));
            assertTrue(c.closedWithin(CLOSE_WINDOW));
        }
        try (RawConnection c = server.connect()) {
            assertEquals(200, c.send(GET_F).read().status());
        }
    }

    @Test
    @DisplayName("200 connections at once, each served, on two loop threads")
    void manyConnections() throws IOException {
        List<RawConnection> all = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                all.add(server.connect().send(GET_F));
            }
            for (RawConnection c : all) {
                assertEquals(Docroot.F_CONTENT, c.read().bodyText());
            }
            EventLoopStatus s = ((EventLoopServer) server.server()).status();
            assertEquals(2, s.loops().size());
            assertTrue(s.loops().stream().allMatch(l -> l.connections() > 0), "round-robin uses both loops: " + s);
        } finally {
            for (RawConnection c : all) {
                c.close();
            }
        }
        Eventually.until("the 200 connections are closed", () -> ((EventLoopServer) server.server()).status().openConnections() == 0);
    }
}
