package io.h1kit.eventloop;

import io.h1kit.http.Expectation;
import io.h1kit.http.HttpRejection;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.RequestParser;
import io.h1kit.http.ResponseWriter;
import io.h1kit.http.Status;
import io.h1kit.server.ErrorLog;
import io.h1kit.server.LingeringClose;
import io.h1kit.server.RequestReader;
import io.h1kit.server.Timeouts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One HTTP/1.1 connection of an event loop, as a state machine driven by readiness events and
 * its one timer. It feeds the shared parser straight from its read buffer, has each request
 * answered by its loop's {@link Responder} as soon as it is whole, queues the responses in
 * request order ({@link Outbound}), and never blocks. Per-request semantics are those of the
 * blocking stages' {@code HttpConnectionHandler}: the same keep-alive decision, rejections, 500s,
 * logs and counts.
 *
 * <pre>
 *            accept
 *              |
 *              v          first byte            head done             request whole
 *   +-----&gt; IDLE ----------------&gt; READING_HEAD ----------&gt; READING_BODY -----------+
 *   |        |  idle timeout: close     | header timeout: 408      | body timeout: 408  |
 *   |        v                          v                          v                    |
 *   |      CLOSED &lt;-- write timeout -- WRITING &lt;--- socket full ----- (respond: queue) &lt;-+
 *   |                                   |  drained                    |
 *   +-----------------------------------+ keep-alive                  | close after response,
 *                                                                     | rejection, client EOF
 *                                       LINGERING &lt;-------------------+
 *                                         | EOF, linger timeout, too much: close
 *                                         v
 *                                       CLOSED
 * </pre>
 *
 * Pipelining: requests already buffered are parsed and answered one after another; their
 * responses queue in order, and once {@link #MAX_QUEUED_OUTPUT_BYTES} or
 * {@link #MAX_QUEUED_SEGMENTS} are waiting, parsing and reading pause (no OP_READ) until the
 * client reads, so a client that sends without reading never makes the server buffer more.
 *
 * <p>Idle, the connection holds no buffer and no parser: both come from its loop's pools while
 * bytes wait to be parsed or sent. Not thread-safe: owned by one loop's thread for its whole life.
 */
final class HttpConnection {
    /** What the connection is doing, for its timer and the status page. */
    enum State { IDLE, READING_HEAD, READING_BODY, WRITING, LINGERING, CLOSED }

    /** Output memory queued at most before reading pauses: 16 pipelined small responses fit. */
    static final int MAX_QUEUED_OUTPUT_BYTES = 65_536;
    /** Output segments queued at most before reading pauses: bounds open files of pipelined file responses. */
    static final int MAX_QUEUED_SEGMENTS = 32;

    private static final ByteBuffer NO_BYTES = ByteBuffer.allocate(0);
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] CONTINUE = ResponseWriter.continueResponse();

    private final EventLoop loop;
    private final SocketChannel channel;
    private final InetSocketAddress client;
    private final TimerQueue.Timer timer;
    private final Outbound out;
    private SelectionKey key;
    private int interest;
    private State state = State.IDLE;

    /** Unparsed bytes (read mode), or null when there are none. */
    private ByteBuffer in;
    /** The parser of the request being read, or null between requests. */
    private RequestParser parser;
    private byte[] body;
    private int bodyLength;
    private int served;
    private boolean closeAfterWrite;
    private boolean lingerOnClose = true;
    private boolean inputEnded;
    private boolean writeBlocked;
    private long readDeadline;
    private long writeDeadline;
    private long discarded;

    HttpConnection(EventLoop loop, SocketChannel channel, InetSocketAddress client) {
        this.loop = loop;
        this.channel = channel;
        this.client = client;
        this.timer = new TimerQueue.Timer(this::onTimeout);
        this.out = new Outbound(loop.buffers());
    }

    /** Registers with the loop's selector and starts waiting for the first request. */
    void register(Selector selector) throws ClosedChannelException {
        interest = SelectionKey.OP_READ;
        key = channel.register(selector, interest, this);
        loop.stateChanged(null, State.IDLE);
        readDeadline = loop.now() + timeouts().idle().toMillis();
        loop.timers().schedule(timer, readDeadline);
    }

    State state() {
        return state;
    }

    /** Whether the connection waits between requests with nothing in flight (shutdown closes it then). */
    boolean idleBetweenRequests() {
        return state == State.IDLE && parser == null && out.isEmpty() && (in == null || !in.hasRemaining());
    }

    boolean servedAny() {
        return served > 0;
    }

    /** The selector found the channel ready. */
    void onReady(SelectionKey k) {
        onReady(k, k.readyOps());
    }

    private void onReady(SelectionKey k, int ready) {
        try {
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                doOnWritable();
            }
            if (state != State.CLOSED && (ready & SelectionKey.OP_READ) != 0) {
                doOnReadable();
            }
        } catch (IOException e) {
            broken(e);
        } catch (RuntimeException e) {
            loop.context().errorLog().error("connection_crashed", "client", ErrorLog.address(client), "error", String.valueOf(e));
            close();
        }
    }

    /** Shutdown began: an idle keep-alive connection closes at once; a busy one finishes its response. */
    void onShutdown() {
        if (!idleBetweenRequests()) {
            return;
        }
        if (served == 0) {
            // A new connection's request may be in the socket already: read it before deciding.
            onReady(key, SelectionKey.OP_READ);
        }
        if (state != State.CLOSED && idleBetweenRequests()) {
            close();
        }
    }

    private void doOnWritable() throws IOException {
        advance();
    }

    private void doOnReadable() throws IOException {
        if (state == State.LINGERING) {
            drainLinger();
            return;
        }
        if (closeAfterWrite || inputEnded) {
            return;
        }
        ByteBuffer b = in;
        if (b == null) {
            b = loop.buffers().acquire();
        } else {
            b.compact();
        }
        in = b;
        int n;
        try {
            n = channel.read(b);
        } finally {
            b.flip();
        }
        if (n < 0) {
            inputEnded = true;
        } else if (n > 0) {
            loop.context().statistics().bytesIn(n);
        }
        advance();
    }

    /** Parses and answers what is buffered, sends what the socket takes, then sets interest and timer. */
    private void advance() throws IOException {
        while (true) {
            parseAvailable();
            flush();
            if (!out.isEmpty() || closeAfterWrite || in == null || !in.hasRemaining()) {
                break;
            }
            // the output drained and pipelined requests wait in the buffer: go on with them
        }
        releaseInputIfEmpty();
        if (out.isEmpty()) {
            if (closeAfterWrite) {
                finish();
                return;
            }
            if (loop.stopping() && served > 0 && idleBetweenRequests()) {
                close();
                return;
            }
        }
        updateInterest();
        arm();
    }

    /** Parses buffered bytes and answers whole requests until input runs out or output is over its bound. */
    private void parseAvailable() throws IOException {
        while (!closeAfterWrite && !outputFull()) {
            if (parser == null) {
                if (in == null || !in.hasRemaining()) {
                    break;
                }
                parser = loop.takeParser();
                setState(State.READING_HEAD);
                readDeadline = loop.now() + timeouts().header().toMillis();
            }
            RequestParser.Event event;
            try {
                event = parser.parse(in == null ? NO_BYTES : in);
            } catch (HttpRejection rejection) {
                reject(rejection);
                break;
            }
            if (event == RequestParser.Event.NEED_MORE) {
                if (parser.isIdle() && state == State.READING_HEAD) {
                    // only empty lines so far (RFC 9112 §2.2): still between requests
                    loop.giveParser(parser);
                    parser = null;
                    becomeIdle();
                }
                if (inputEnded) {
                    endOfInput();
                }
                break;
            }
            if (event == RequestParser.Event.HEAD) {
                if (!onHead()) {
                    break;
                }
            } else if (event == RequestParser.Event.BODY) {
                onBody(parser.body());
            } else {
                onEnd();
            }
        }
        if (inputEnded && parser == null && (in == null || !in.hasRemaining()) && !closeAfterWrite) {
            endOfInput();
        }
    }

    /** The client sent its FIN: what is queued is sent, then the connection closes. */
    private void endOfInput() {
        if (parser != null && !parser.isIdle()) {
            // RFC 9112 §8: a message that ends early is incomplete; nothing is answered.
            loop.context().errorLog().info("incomplete_request", "client", ErrorLog.address(client),
                    "detail", "client closed in the middle of a request"); // as RequestReader says it
            parser = null;
        }
        closeAfterWrite = true;
        lingerOnClose = false; // the client has finished sending: nothing to drain
    }

    /** @return false when the request was rejected */
    private boolean onHead() {
        RequestHead head = parser.head();
        Expectation expectation = Expectation.of(head);
        if (expectation == Expectation.UNSUPPORTED) {
            reject(Expectation.unsupported());
            return false;
        }
        if (expectation == Expectation.CONTINUE && (in == null || !in.hasRemaining())) {
            // RFC 9110 §10.1.1: the server MUST NOT wait for the content before sending 100.
            out.add(CONTINUE);
        }
        setState(State.READING_BODY);
        readDeadline = loop.now() + timeouts().body().toMillis();
        if (head.hasBody()) {
            long known = head.framing().length();
            body = new byte[(int) Math.min(known > 0 ? known : RequestReader.READ_BUFFER_BYTES,
                    RequestReader.INITIAL_BODY_BYTES)];
            bodyLength = 0;
        }
        return true;
    }

    private void onBody(ByteBuffer chunk) {
        int n = chunk.remaining();
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(bodyLength + n, body.length * 2));
        }
        chunk.get(body, bodyLength, n);
        bodyLength += n;
    }

    private void onEnd() throws IOException {
        RequestHead head = parser.head();
        byte[] content = body == null ? EMPTY : bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
        Request request = new Request(head, content, parser.trailers());
        body = null;
        served++;
        boolean keepAlive = head.keepAlive() && served < loop.context().options().maxRequestsPerConnection()
                && !loop.stopping();
        respond(request, keepAlive);
        loop.giveParser(parser);
        parser = null;
        becomeIdle();
    }

    /** Answers one request through the loop's responder; the connection closes after it when the plan says so. */
    private void respond(Request request, boolean keepAlive) throws IOException {
        if (loop.responder().respond(request, keepAlive, client, out)) {
            closeAfterWrite = true;
        }
    }

    /** A rejection (bad input, a limit, a timeout) becomes its response; the connection then closes. */
    private void reject(HttpRejection rejection) {
        loop.responder().reject(rejection, parser, client, out);
        parser = null; // rejected or mid-message: never reused
        body = null;
        closeAfterWrite = true;
        if (in != null) {
            in.position(in.limit()); // what follows a rejected request is not read
        }
    }

    private void flush() throws IOException {
        if (out.isEmpty()) {
            writeBlocked = false;
            return;
        }
        long n = out.flush(channel, loop.gather());
        if (out.isEmpty()) {
            writeBlocked = false;
            if (state == State.WRITING) {
                becomeIdleOrReading();
            }
            return;
        }
        if (!writeBlocked || n > 0) {
            // progress re-arms the deadline: it bounds a client that stops reading, not a large file
            writeDeadline = loop.now() + timeouts().write().toMillis();
        }
        writeBlocked = true;
        setState(State.WRITING);
    }

    private boolean outputFull() {
        return out.heldBytes() >= MAX_QUEUED_OUTPUT_BYTES || out.segments() >= MAX_QUEUED_SEGMENTS;
    }

    private void becomeIdle() {
        setState(State.IDLE);
        readDeadline = loop.now() + timeouts().idle().toMillis();
    }

    /** After a blocked write drained: back to what the reading side is doing. */
    private void becomeIdleOrReading() {
        if (parser == null) {
            becomeIdle();
        } else {
            setState(parser.isReadingBody() ? State.READING_BODY : State.READING_HEAD);
        }
    }

    private void updateInterest() {
        int wanted = 0;
        if (!closeAfterWrite && !inputEnded && !outputFull()) {
            wanted |= SelectionKey.OP_READ;
        }
        if (writeBlocked) {
            wanted |= SelectionKey.OP_WRITE;
        }
        if (wanted != interest) {
            interest = wanted;
            key.interestOps(wanted);
        }
    }

    private void arm() {
        long deadline = writeBlocked ? writeDeadline : readDeadline;
        if (closeAfterWrite && !writeBlocked) {
            deadline = TimerQueue.NEVER;
        }
        loop.timers().schedule(timer, deadline);
    }

    /** The connection's deadline passed. */
    private void onTimeout() {
        try {
            doOnTimeout();
        } catch (IOException e) {
            broken(e);
        } catch (RuntimeException e) {
            loop.context().errorLog().error("connection_crashed", "client", ErrorLog.address(client), "error", String.valueOf(e));
            close();
        }
    }

    private void doOnTimeout() throws IOException {
        switch (state) {
            case CLOSED -> {
            }
            case LINGERING -> close();
            case WRITING -> {
                loop.context().errorLog().warn("write_timeout", "client", ErrorLog.address(client));
                close();
            }
            case IDLE -> close(); // no request came: close without a response
            case READING_HEAD, READING_BODY -> {
                boolean inBody = state == State.READING_BODY;
                long budget = (inBody ? timeouts().body() : timeouts().header()).toMillis();
                // RFC 9110 §15.5.9: 408 means the server "would like to shut down this unused connection".
                reject(new HttpRejection(Status.REQUEST_TIMEOUT_408, "RFC 9110 §15.5.9",
                        (inBody ? "body" : "header section") + " not complete within " + budget + " ms"));
                advance();
            }
        }
    }

    /** Everything is sent and the connection ends: half-close and linger, or close at once. */
    private void finish() {
        releaseInput();
        if (!lingerOnClose || inputEnded) {
            close();
            return;
        }
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            close();
            return;
        }
        setState(State.LINGERING);
        discarded = 0;
        if (interest != SelectionKey.OP_READ) {
            interest = SelectionKey.OP_READ;
            key.interestOps(interest);
        }
        loop.timers().schedule(timer, loop.now() + timeouts().linger().toMillis());
    }

    /** Reads and discards what the client still sends after the half-close (see LingeringClose). */
    private void drainLinger() throws IOException {
        ByteBuffer b = loop.buffers().acquire();
        try {
            while (true) {
                int n = channel.read(b.clear());
                if (n < 0) {
                    close();
                    return;
                }
                if (n == 0) {
                    return;
                }
                discarded += n;
                if (discarded >= LingeringClose.MAX_DISCARD_BYTES) {
                    close();
                    return;
                }
            }
        } finally {
            loop.buffers().release(b);
        }
    }

    private void broken(IOException e) {
        if (!loop.stopping()) {
            String event = String.valueOf(e.getMessage()).contains("reset") ? "client_reset" : "connection_error";
            loop.context().errorLog().info(event, "client", ErrorLog.address(client), "error", String.valueOf(e.getMessage()));
        }
        close();
    }

    /** Closes the connection and gives back everything it holds. Idempotent. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        setState(State.CLOSED);
        loop.timers().remove(timer);
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing to report
        }
        out.release();
        releaseInput();
        parser = null;
        body = null;
        loop.closed(this);
    }

    private void releaseInputIfEmpty() {
        if (in != null && !in.hasRemaining()) {
            releaseInput();
        }
    }

    private void releaseInput() {
        if (in != null) {
            loop.buffers().release(in);
            in = null;
        }
    }

    private void setState(State next) {
        if (next != state) {
            loop.stateChanged(state, next);
            state = next;
        }
    }

    private Timeouts timeouts() {
        return loop.context().options().timeouts();
    }
}
