package io.h1kit.conformance.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The socket steps the fakes' handlers share: read a request head, close without losing a reply. */
public final class Wire {
    private static final int CRLF_CRLF = 0x0D0A0D0A;

    private Wire() {
    }

    /**
     * Reads byte by byte up to and including the first empty line, so that nothing after the head
     * is consumed; null when the stream ends first.
     */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == CRLF_CRLF) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** Discards what the client sends until it closes, the read times out or the connection resets. */
    public static void drain(InputStream in) {
        byte[] sink = new byte[16_384];
        try {
            while (in.read(sink) > 0) {
                // discard
            }
        } catch (IOException e) {
            // timeout or reset: done
        }
    }

    /**
     * Sends a FIN, then drains what the client still sends (waiting at most {@code timeoutMillis}
     * for each read, 0 for no limit) before the caller closes: closing with unread bytes would send
     * a reset, and a reset can discard the reply before the client reads it.
     */
    public static void finAfterDraining(Socket socket, InputStream in, int timeoutMillis) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(timeoutMillis);
        drain(in);
    }
}
