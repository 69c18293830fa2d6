package io.h1kit.http;

import java.nio.charset.StandardCharsets;

/** Frames content in the chunked transfer coding (RFC 9112 §7.1) for a body of unknown length. */
public final class ChunkedEncoder {
    /** The last-chunk and the empty trailer section that end a chunked body. */
    public static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The CRLF that ends each chunk's data. */
    public static final byte[] CRLF = {'\r', '\n'};

    private ChunkedEncoder() {
    }

    /** The chunk-size line for a chunk of {@code size} bytes (size &gt; 0), CRLF included. */
    public static byte[] chunkHeader(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a data chunk has a positive size; use LAST_CHUNK to end");
        }
        return (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
