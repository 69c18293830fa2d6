package io.h1kit.server;

import io.h1kit.http.HttpLimits;
import io.h1kit.http.HttpRejection;
import io.h1kit.http.Request;
import io.h1kit.http.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The blocking read loop over a real socket pair. */
@Timeout(30)
class RequestReaderTest {
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Timeouts LONG = Timeouts.DEFAULTS;

    private static RequestReader reader(SocketPair pair, Timeouts timeouts) throws IOException {
        OutputStream out = pair.server().getOutputStream();
        return new RequestReader(pair.server(), pair.server().getInputStream(), out, HttpLimits.DEFAULTS, timeouts, Clock.SYSTEM);
    }

    @Test
    @DisplayName("pipelined requests in one write come out one by one; then the client's close ends the loop")
    void pipelined() throws IOException {
        try (SocketPair pair = SocketPair.open()) {
            RequestReader reader = reader(pair, LONG);
            pair.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\nPOST /b HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("/a", reader.next(null).head().target().raw());
            Request b = reader.next(null);
            assertEquals("/b", b.head().target().raw());
            assertArrayEquals("xyz".getBytes(StandardCharsets.US_ASCII), b.body());
            assertEquals("/c", reader.next(null).head().target().raw());
            pair.client().shutdownOutput();
            assertNull(reader.next(null));
        }
    }

    @Test
    @DisplayName("Expect: 100-continue with no body yet: the interim 100 is sent, then the body is read")
    void sendsContinueWhenTheClientWaits() throws IOException {
        try (SocketPair pair = SocketPair.open()) {
            RequestReader reader = reader(pair, LONG);
            pair.send("POST /e HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            var body = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    byte[] interim = pair.client().getInputStream().readNBytes(25);
                    pair.send("hello");
                    return new String(interim, StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Request request = reader.next(null);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", body.join());
            assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), request.body());
        }
    }

    @Test
    @DisplayName("Expect: 100-continue with the body already sent: no 100 (RFC 9110 §10.1.1 MAY omit it)")
    void omitsContinueWhenTheBodyIsHere() throws IOException {
        try (SocketPair pair = SocketPair.open()) {
            RequestReader reader = reader(pair, LONG);
            pair.send("POST /e HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello");
            reader.next(null);
            pair.server().getOutputStream().write('X');
            assertEquals('X', pair.client().getInputStream().read(), "the first byte the client sees is ours, not a 100");
        }
    }

    @Test
    @DisplayName("a client that closes in the middle of a request: IncompleteRequestException")
    void closedMidRequest() throws IOException {
        try (SocketPair pair = SocketPair.open()) {
            RequestReader reader = reader(pair, LONG);
            pair.send("GET / HTTP/1.1\r\nHo");
            pair.client().shutdownOutput();
            assertThrows(RequestReader.IncompleteRequestException.class, () -> reader.next(null));
        }
    }

    @Test
    @DisplayName("a header section still incomplete at its deadline: 408")
    void headerTimeout() throws IOException {
        try (SocketPair pair = SocketPair.open()) {
            RequestReader reader = reader(pair, LONG.withHeader(SHORT));
            pair.send("GET / HTTP/1.1\r\n");
            HttpRejection r = assertThrows(HttpRejection.class, () -> reader.next(null));
            assertEquals(Status.REQUEST_TIMEOUT_408, r.status());
        }
    }

    @Test
    @DisplayName("a body still incomplete at its deadline: 408")
    void bodyTimeout() throws IOException {
        try (SocketPair pair = SocketPair.open()) {
            RequestReader reader = reader(pair, LONG.withBody(SHORT));
            pair.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
            HttpRejection r = assertThrows(HttpRejection.class, () -> reader.next(null));
            assertEquals(Status.REQUEST_TIMEOUT_408, r.status());
        }
    }

    @Test
    @DisplayName("silence between requests past the idle timeout: no request, no rejection")
    void idleTimeout() throws IOException {
        try (SocketPair pair = SocketPair.open()) {
            RequestReader reader = reader(pair, LONG.withIdle(SHORT));
            pair.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
            reader.next(null);
            assertNull(reader.next(null));
            assertEquals(27, reader.bytesRead());
        }
    }

    @Test
    @DisplayName("an unsupported expectation: 417 before the body is read")
    void unsupportedExpectation() throws IOException {
        try (SocketPair pair = SocketPair.open()) {
            RequestReader reader = reader(pair, LONG);
            pair.send("POST / HTTP/1.1\r\nHost: t\r\nExpect: teapot\r\nContent-Length: 5\r\n\r\n");
            assertEquals(Status.EXPECTATION_FAILED_417, assertThrows(HttpRejection.class, () -> reader.next(null)).status());
        }
    }
}
