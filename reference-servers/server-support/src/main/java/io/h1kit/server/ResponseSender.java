package io.h1kit.server;

import io.h1kit.http.Body;
import io.h1kit.http.ChunkedEncoder;
import io.h1kit.http.ResponseWriter;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Writes a planned response (head and body) to a blocking socket stream, arming the connection's
 * write deadline before every write that may block. Not thread-safe: one per connection.
 */
public final class ResponseSender {
    /** Bytes moved per write for file and stream bodies. */
    public static final int COPY_BUFFER_BYTES = 16_384;

    private final OutputStream out;
    private final Connections.Connection connection;
    private final Duration writeTimeout;
    private final byte[] copyBuffer = new byte[COPY_BUFFER_BYTES];

    /**
     * @param out a buffered stream over the socket, so a small head and body leave in one write
     */
    public ResponseSender(OutputStream out, Connections.Connection connection, Duration writeTimeout) {
        this.out = out;
        this.connection = connection;
        this.writeTimeout = writeTimeout;
    }

    /**
     * Sends the head and, as the plan says, the body.
     *
     * @return the content bytes sent (0 when the plan sends no body)
     * @throws EOFException when a file body is shorter than promised: the connection must close
     */
    public long send(ResponseWriter.Plan plan, Body body) throws IOException {
        connection.beginWrite(writeTimeout);
        try {
            out.write(plan.head());
            long sent = switch (plan.bodyMode()) {
                case NONE -> 0;
                case FIXED -> fixed(body);
                case CHUNKED -> chunked((Body.Stream) body);
                case UNTIL_CLOSE -> untilClose((Body.Stream) body);
            };
            out.flush();
            return sent;
        } finally {
            connection.endWrite();
        }
    }

    private long fixed(Body body) throws IOException {
        return switch (body) {
            case Body.Bytes bytes -> {
                out.write(bytes.bytes());
                yield bytes.bytes().length;
            }
            case Body.FileRegion region -> file(region);
            case Body.Stream stream -> throw new IllegalArgumentException("a stream has no fixed length");
        };
    }

    private long file(Body.FileRegion region) throws IOException {
        try (FileChannel channel = FileChannel.open(region.path(), StandardOpenOption.READ)) {
            long position = region.offset();
            long left = region.length();
            ByteBuffer buffer = ByteBuffer.wrap(copyBuffer);
            while (left > 0) {
                buffer.clear().limit((int) Math.min(copyBuffer.length, left));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new EOFException("file shrank while it was sent: " + region.path());
                }
                connection.beginWrite(writeTimeout);
                out.write(copyBuffer, 0, n);
                position += n;
                left -= n;
            }
            return region.length();
        }
    }

    private long chunked(Body.Stream stream) throws IOException {
        long sent = 0;
        try (InputStream in = stream.source().open()) {
            int n;
            while ((n = in.read(copyBuffer)) >= 0) {
                if (n == 0) {
                    continue;
                }
                connection.beginWrite(writeTimeout);
                out.write(ChunkedEncoder.chunkHeader(n));
                out.write(copyBuffer, 0, n);
                out.write(ChunkedEncoder.CRLF);
                sent += n;
            }
        }
        out.write(ChunkedEncoder.LAST_CHUNK);
        return sent;
    }

    private long untilClose(Body.Stream stream) throws IOException {
        long sent = 0;
        try (InputStream in = stream.source().open()) {
            int n;
            while ((n = in.read(copyBuffer)) >= 0) {
                connection.beginWrite(writeTimeout);
                out.write(copyBuffer, 0, n);
                sent += n;
            }
        }
        return sent;
    }
}
