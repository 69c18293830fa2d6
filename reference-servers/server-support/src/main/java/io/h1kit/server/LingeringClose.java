package io.h1kit.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Closes a connection in stages, as nginx's lingering close does: half-close the output (the
 * client sees the end of the response), then read and discard what the client still sends for a
 * bounded time, then close. Closing at once while unread bytes wait in the socket makes the kernel
 * send a reset, which can destroy the response before the client reads it (RFC 9112 §9.6).
 */
public final class LingeringClose {
    /** Bytes discarded at most while lingering; more means the client is not stopping. */
    public static final long MAX_DISCARD_BYTES = 4L * 1024 * 1024;

    private LingeringClose() {
    }

    /** Half-closes, drains for at most {@code linger}, then closes. Never throws. */
    public static void close(Socket socket, InputStream in, Duration linger, Clock clock) {
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                socket.shutdownOutput();
                long deadline = clock.monotonicMillis() + linger.toMillis();
                byte[] sink = new byte[4096];
                long discarded = 0;
                long left;
                while ((left = deadline - clock.monotonicMillis()) > 0 && discarded < MAX_DISCARD_BYTES) {
                    socket.setSoTimeout((int) left);
                    int n = in.read(sink);
                    if (n < 0) {
                        break;
                    }
                    discarded += n;
                }
            }
        } catch (SocketTimeoutException e) {
            // The client kept the connection open past the linger time; close it now.
        } catch (IOException e) {
            // The client reset or closed; nothing is left to protect.
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing more to do.
            }
        }
    }
}
