package io.h1kit.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The content of a response: bytes in memory, a region of a file, or a stream of unknown length. */
public sealed interface Body {

    Body EMPTY = new Bytes(new byte[0]);

    /** The length in bytes, or -1 when it is not known before sending (then the body is chunked). */
    long length();

    static Body of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    /** Bytes held in memory. */
    record Bytes(byte[] bytes) implements Body {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    /**
     * {@code length} bytes of a file from {@code offset}. The server opens the file when it sends
     * it; if the file has shrunk meanwhile, the promised length cannot be kept and the server
     * closes the connection.
     */
    record FileRegion(Path path, long offset, long length) implements Body {
    }

    /** Content produced while it is sent; sent chunked to HTTP/1.1 clients, close-delimited to HTTP/1.0. */
    record Stream(Source source) implements Body {
        @Override
        public long length() {
            return -1;
        }
    }

    /** Opens the stream of a {@link Stream} body. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }
}
