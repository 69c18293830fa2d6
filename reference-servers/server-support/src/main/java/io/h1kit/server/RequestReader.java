package io.h1kit.server;

import io.h1kit.http.Expectation;
import io.h1kit.http.HttpLimits;
import io.h1kit.http.HttpRejection;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.RequestParser;
import io.h1kit.http.ResponseWriter;
import io.h1kit.http.Status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * The blocking read loop around the {@link RequestParser}: reads from a socket until the parser
 * has a whole request, enforcing the idle, header and body deadlines with the socket's read
 * timeout. Bytes after a request stay buffered for the next one (pipelining).
 *
 * <pre>
 *   WAIT_IDLE --first byte--&gt; READ_HEAD --head--&gt; READ_BODY --end--&gt; (request returned)
 *      | idle timeout or EOF       | header timeout      | body timeout
 *      v                           v                     v
 *   null (close quietly)        408 rejection         408 rejection
 * </pre>
 *
 * Not thread-safe: one reader per connection, used by the thread serving it.
 */
public final class RequestReader {
    /** One read fetches a typical request head whole; larger heads take several reads. */
    public static final int READ_BUFFER_BYTES = 16_384;

    /** The first allocation for a body; it doubles as the body arrives, up to the body limit. */
    public static final int INITIAL_BODY_BYTES = 65_536;

    private enum Phase { WAIT_IDLE, READ_HEAD, READ_BODY }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final RequestParser parser;
    private final Timeouts timeouts;
    private final Clock clock;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES).flip();
    private long bytesRead;
    private boolean endOfStream;

    /**
     * @param out where to send {@code 100 Continue}; the reader flushes it
     */
    public RequestReader(Socket socket, InputStream in, OutputStream out, HttpLimits limits, Timeouts timeouts,
                         Clock clock) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.parser = new RequestParser(limits);
        this.timeouts = timeouts;
        this.clock = clock;
    }

    /**
     * Reads the next request.
     *
     * @param connection told when the first byte of the request arrives (it is then busy); may be null
     * @return the request, or null when the client closed or stayed silent between requests
     * @throws HttpRejection for bad input and for header or body timeouts (408)
     * @throws IncompleteRequestException when the client closed in the middle of a request
     * @throws IOException when the connection breaks
     */
    public Request next(Connections.Connection connection) throws IOException {
        Phase phase = buffer.hasRemaining() ? Phase.READ_HEAD : Phase.WAIT_IDLE;
        long deadline = clock.monotonicMillis() + (phase == Phase.WAIT_IDLE ? timeouts.idle() : timeouts.header()).toMillis();
        if (phase == Phase.READ_HEAD && connection != null) {
            connection.busy();
        }
        byte[] body = null;
        int bodyLength = 0;
        while (true) {
            // Called even with nothing buffered: a message may end without more bytes (no body, last chunk seen).
            RequestParser.Event event = parser.parse(buffer);
            switch (event) {
                case NEED_MORE -> {
                    if (!fill(deadline, phase)) {
                        if (phase == Phase.WAIT_IDLE && parser.isIdle()) {
                            return null;
                        }
                        throw new IncompleteRequestException(endOfStream);
                    }
                    if (phase == Phase.WAIT_IDLE) {
                        phase = Phase.READ_HEAD;
                        deadline = clock.monotonicMillis() + timeouts.header().toMillis();
                        if (connection != null) {
                            connection.busy();
                        }
                    }
                }
                case HEAD -> {
                    RequestHead head = parser.head();
                    Expectation expectation = Expectation.of(head);
                    if (expectation == Expectation.UNSUPPORTED) {
                        throw Expectation.unsupported();
                    }
                    if (expectation == Expectation.CONTINUE && !buffer.hasRemaining()) {
                        // RFC 9110 §10.1.1: the server MUST NOT wait for the content before sending 100.
                        out.write(ResponseWriter.continueResponse());
                        out.flush();
                    }
                    phase = Phase.READ_BODY;
                    deadline = clock.monotonicMillis() + timeouts.body().toMillis();
                    if (head.hasBody()) {
                        // Grow as bytes arrive rather than trusting Content-Length for the allocation.
                        long known = head.framing().length();
                        body = new byte[(int) Math.min(known > 0 ? known : READ_BUFFER_BYTES, INITIAL_BODY_BYTES)];
                    }
                }
                case BODY -> {
                    ByteBuffer chunk = parser.body();
                    int n = chunk.remaining();
                    if (bodyLength + n > body.length) {
                        body = Arrays.copyOf(body, Math.max(bodyLength + n, body.length * 2));
                    }
                    chunk.get(body, bodyLength, n);
                    bodyLength += n;
                }
                case END -> {
                    byte[] content = body == null ? new byte[0]
                            : bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
                    return new Request(parser.head(), content, parser.trailers());
                }
            }
        }
    }

    /** The head of the request being read, or null when its header section is not complete. */
    public RequestHead currentHead() {
        return parser.head();
    }

    /** The request-line of the request being read, once complete (for the access log), else null. */
    public String currentRequestLine() {
        return parser.requestLine();
    }

    /** The method of the request being read, once known, else null. */
    public String currentMethod() {
        return parser.method();
    }

    /** Bytes read from the socket so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Reads more bytes before the deadline; false at end of stream or when idle time ran out. */
    private boolean fill(long deadline, Phase phase) throws IOException {
        if (endOfStream) {
            return false;
        }
        long left = deadline - clock.monotonicMillis();
        if (left <= 0) {
            return timedOut(phase);
        }
        socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
        int n;
        try {
            n = in.read(buffer.array(), 0, buffer.capacity());
        } catch (SocketTimeoutException e) {
            return timedOut(phase);
        }
        if (n < 0) {
            endOfStream = true;
            return false;
        }
        bytesRead += n;
        buffer.position(0).limit(n);
        return true;
    }

    private boolean timedOut(Phase phase) {
        if (phase == Phase.WAIT_IDLE && parser.isIdle()) {
            return false;
        }
        Duration budget = phase == Phase.READ_BODY ? timeouts.body() : timeouts.header();
        // RFC 9110 §15.5.9: 408 means the server "would like to shut down this unused connection".
        throw new HttpRejection(Status.REQUEST_TIMEOUT_408, "RFC 9110 §15.5.9",
                (phase == Phase.READ_BODY ? "body" : "header section") + " not complete within " + budget.toMillis() + " ms");
    }

    /** The client closed (or half-closed) the connection in the middle of a request (RFC 9112 §8). */
    public static final class IncompleteRequestException extends IOException {
        IncompleteRequestException(boolean endOfStream) {
            super(endOfStream ? "client closed in the middle of a request" : "request incomplete");
        }
    }
}
