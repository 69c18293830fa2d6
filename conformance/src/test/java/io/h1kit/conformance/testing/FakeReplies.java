package io.h1kit.conformance.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A {@link FakeServer} handler for one request per connection: it reads up to the first empty line,
 * answers the baseline {@code GET /} with 200 and anything else with the {@link Reply} it is told,
 * then drains what the client sends until the client closes or a read times out.
 */
public final class FakeReplies {
    /** The baseline request exactly as the suite sends it. */
    public static final String BASELINE = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
    /** 200 "ok", then a FIN: the answer to the baseline. */
    public static final Reply OK = Reply.thenClose(Responses.response("200 OK", "ok", "Content-Type: text/plain"));
    private static final int READ_TIMEOUT_MILLIS = 3_000;

    private FakeReplies() {
    }

    /** Answers each connection's request (everything read, as text) with {@code replies}, the baseline with {@link #OK}. */
    public static FakeServer.Handler answering(Function<String, Reply> replies) {
        return socket -> {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            InputStream in = socket.getInputStream();
            String request = readRequest(in);
            if (request.isEmpty()) {
                return;
            }
            Reply reply = request.equals(BASELINE) ? OK : replies.apply(request);
            if (reply.bytes() != null) {
                OutputStream out = socket.getOutputStream();
                out.write(reply.bytes().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            if (reply.close()) {
                Wire.finAfterDraining(socket, in, READ_TIMEOUT_MILLIS);
            } else {
                Wire.drain(in); // until the client closes (or the timeout), then close
            }
        };
    }

    /** Bytes up to and including the first CRLF CRLF (and the rest of that write), or whatever came before EOF or a pause. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] chunk = new byte[16_384];
        try {
            int n;
            while ((n = in.read(chunk)) > 0) {
                head.write(chunk, 0, n);
                if (head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    // a short grace for the rest of a single write (a body, "Z", …)
                    if (in.available() == 0) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            // what came is what we judge
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
