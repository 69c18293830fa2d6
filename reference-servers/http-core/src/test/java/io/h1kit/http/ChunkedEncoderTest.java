package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ChunkedEncoder}: the sending side of the chunked coding (RFC 9112 §7.1). */
class ChunkedEncoderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1", "10, a", "15, f", "16, 10", "255, ff", "4096, 1000", "2147483647, 7fffffff"})
    void chunkHeaderIsTheHexSizeAndCrlf(int size, String hex) {
        assertEquals(hex + "\r\n", ascii(ChunkedEncoder.chunkHeader(size)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aDataChunkIsNeverEmpty(int size) {
        // A zero-size chunk is the last-chunk: writing one mid-body would end the body early.
        assertThrows(IllegalArgumentException.class, () -> ChunkedEncoder.chunkHeader(size));
    }

    @Test
    void lastChunkEndsTheBodyWithAnEmptyTrailerSection() {
        assertEquals("0\r\n\r\n", ascii(ChunkedEncoder.LAST_CHUNK));
        assertEquals("\r\n", ascii(ChunkedEncoder.CRLF));
    }

    @Test
    void whatItEncodesTheParserDecodes() {
        List<String> chunks = List.of("h", "ello, ", "w".repeat(300), "\r\n0\r\n\r\n", "!");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String chunk : chunks) {
            byte[] data = chunk.getBytes(StandardCharsets.ISO_8859_1);
            wire.writeBytes(ChunkedEncoder.chunkHeader(data.length));
            wire.writeBytes(data);
            wire.writeBytes(ChunkedEncoder.CRLF);
        }
        wire.writeBytes(ChunkedEncoder.LAST_CHUNK);
        ParserHarness.Outcome outcome = ParserHarness.runBytewise(HttpLimits.DEFAULTS, wire.toByteArray());
        assertEquals(1, outcome.messages().size(), outcome::toString);
        assertEquals(String.join("", chunks), outcome.messages().getFirst().body());
        assertEquals(true, outcome.idle());
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
