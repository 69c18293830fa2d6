package io.h1kit.gatling.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpResponsesTest {
    private static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\ncontent-length: 5\r\n\r\nhello";

    private static int length(String text, int capacity) {
        byte[] bytes = new byte[capacity];
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(data, 0, bytes, 0, data.length);
        return HttpResponses.completeLength(bytes, data.length);
    }

    @Test
    void aWholeResponseEndsAfterItsBody() {
        assertEquals(RESPONSE.length(), length(RESPONSE, 4096));
    }

    @Test
    void aPartialResponseIsIncompleteAtEveryByte() {
        for (int i = 0; i < RESPONSE.length(); i++) {
            assertEquals(HttpResponses.INCOMPLETE, length(RESPONSE.substring(0, i), 4096), "after " + i + " bytes");
        }
    }

    @Test
    void noContentLengthOrNoRoomIsTooLarge() {
        assertEquals(HttpResponses.TOO_LARGE, length("HTTP/1.1 200 OK\r\n\r\nhello", 4096));
        assertEquals(HttpResponses.TOO_LARGE, length("HTTP/1.1 200 OK\r\nContent-Length: 9000\r\n\r\n", 4096));
        assertEquals(HttpResponses.TOO_LARGE, length("HTTP/1.1 200 OK\r\nX: y", 21));
    }

    @Test
    void theStatusComesFromTheStatusLine() {
        byte[] ok = RESPONSE.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(200, HttpResponses.status(ok, ok.length));
        byte[] busy = "HTTP/1.1 503 Service Unavailable\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(503, HttpResponses.status(busy, busy.length));
        assertEquals(-1, HttpResponses.status(busy, 5), "not all read yet");
        byte[] junk = "SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(-1, HttpResponses.status(junk, junk.length));
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, IdleConnections.percentile(sorted, 50));
        assertEquals(10, IdleConnections.percentile(sorted, 99));
        assertEquals(0, IdleConnections.percentile(new long[0], 50));
    }
}
