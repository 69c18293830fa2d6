package io.h1kit.eventloop;

import io.h1kit.server.EventLoops;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.Timeouts;
import io.h1kit.server.testing.Eventually;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four timeouts of a connection, each from its loop's timer queue on a fake clock: idle
 * (close, no response), header (slowloris: 408), body (408), write (a client that does not read:
 * close). Each test first waits until the connection is in the state the timeout belongs to,
 * then moves the clock just short of the deadline (nothing happens) and past it.
 */
@Timeout(60)
class EventLoopTimeoutTest {
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final Duration HEADER = Duration.ofSeconds(10);
    private static final Duration BODY = Duration.ofSeconds(20);
    private static final Duration WRITE = Duration.ofSeconds(30);
    private static final Duration CLOSE_WINDOW = Duration.ofSeconds(10);
    private static final Duration JUST_SHORT = Duration.ofMillis(1);

    @TempDir
    Path dir;
    ClockedServer s;

    @BeforeEach
    void start() throws IOException {
        Timeouts timeouts = new Timeouts(IDLE, HEADER, BODY, WRITE, Duration.ofSeconds(2), Duration.ofSeconds(2));
        s = new ClockedServer(ServerOptions.forTest(Docroot.create(dir)).withTimeouts(timeouts)
                .withEventLoops(new EventLoops(1, 100)));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private void awaitState(HttpConnection.State state) {
        Eventually.until("a connection is " + state, () -> s.count(state) == 1);
    }

    @Test
    @DisplayName("idle: a kept-alive connection with no next request is closed without a response")
    void idle() throws IOException {
        try (RawConnection c = s.connect()) {
            assertEquals(200, c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n\r\n").read().status());
            awaitState(HttpConnection.State.IDLE);
            s.advance(IDLE.minus(JUST_SHORT));
            assertEquals(1, s.status().openConnections());
            s.advance(JUST_SHORT);
            assertTrue(c.closedWithin(CLOSE_WINDOW), "closed, with no bytes sent");
        }
    }

    @Test
    @DisplayName("header (slowloris): a head still incomplete gets 408 and a close, however slowly it trickles")
    void header() throws IOException {
        try (RawConnection c = s.connect()) {
            c.send("GET /f.txt HTTP/1.1\r\n");
            awaitState(HttpConnection.State.READING_HEAD);
            for (int i = 0; i < 4; i++) { // a byte now and then does not extend the deadline
                s.advance(Duration.ofSeconds(2));
                c.send("X");
            }
            s.advance(HEADER.minus(Duration.ofSeconds(8)).minus(JUST_SHORT));
            assertEquals(0, s.count(HttpConnection.State.LINGERING));
            s.advance(JUST_SHORT);
            RawResponse r = c.read();
            assertEquals(408, r.status());
            assertEquals("close", r.field("Connection"));
            Eventually.until("request_timeout is logged (by the background writer)", s::errorLog, log -> log.contains("request_timeout"));
        }
    }

    @Test
    @DisplayName("body: a body still incomplete gets 408 and a close")
    void body() throws IOException {
        try (RawConnection c = s.connect()) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
            awaitState(HttpConnection.State.READING_BODY);
            s.advance(BODY.minus(JUST_SHORT));
            assertEquals(1, s.count(HttpConnection.State.READING_BODY));
            s.advance(JUST_SHORT);
            RawResponse r = c.read();
            assertEquals(408, r.status());
            Eventually.until("body not complete is logged (by the background writer)", s::errorLog, log -> log.contains("body not complete"));
        }
    }

    @Test
    @DisplayName("write: a client that stops reading a large file is closed after the write timeout")
    void write() throws IOException {
        try (RawConnection c = s.connect()) {
            c.socket().setReceiveBufferSize(4096);
            c.send("GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n");
            awaitState(HttpConnection.State.WRITING);
            s.advance(WRITE.minus(JUST_SHORT));
            assertEquals(1, s.count(HttpConnection.State.WRITING));
            s.advance(JUST_SHORT);
            Eventually.until("the connection is closed", () -> s.status().openConnections() == 0);
            Eventually.until("write_timeout is logged (by the background writer)", s::errorLog, log -> log.contains("write_timeout"));
        }
    }

    @Test
    @DisplayName("linger: after Connection: close the server half-closes, then closes when the linger time is over")
    void linger() throws IOException {
        try (RawConnection c = s.connect()) {
            RawResponse r = c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
            assertEquals(200, r.status());
            awaitState(HttpConnection.State.LINGERING);
            c.send("more bytes the server discards");
            s.advance(Duration.ofSeconds(2));
            Eventually.until("the lingering connection is closed", () -> s.status().openConnections() == 0);
        }
    }
}
