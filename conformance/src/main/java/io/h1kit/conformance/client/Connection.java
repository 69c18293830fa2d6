package io.h1kit.conformance.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A byte-exact client connection: it writes exactly the bytes it is given, at the boundaries and
 * with the pauses it is told, and never repairs anything (unlike {@code java.net.http}). It reads
 * responses by the HTTP/1.1 framing rules, detects a close by polling within a window (FIN and
 * RST told apart), and records everything in a {@link Timeline} and as evidence bytes.
 *
 * <p>Failures caused by the peer (a reset while writing, a closed connection) are recorded, not
 * thrown, so a probe can report what the server did. Not thread-safe: one probe thread.
 */
public final class Connection implements Transcript, AutoCloseable {
    /** Evidence kept per direction; a 100 KB request is summarised, not stored whole. */
    public static final int MAX_EVIDENCE_BYTES = 16_384;
    /** The longest response head parsed; longer is reported as broken. */
    public static final int MAX_RESPONSE_HEAD_BYTES = 65_536;
    /** The largest response body read; a server sending more is cut off. */
    public static final int MAX_RESPONSE_BODY_BYTES = 64 * 1024 * 1024;

    private final int number;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Timeline timeline = new Timeline();
    private final Evidence sent = new Evidence();
    private final Evidence received = new Evidence();
    private byte[] pending = new byte[0];
    private int position;
    private boolean endOfStream;
    private boolean reset;
    private boolean writeFailed;

    private Connection(int number, Socket socket) throws IOException {
        this.number = number;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects; {@code number} identifies the connection among a case's connections. */
    public static Connection open(int number, InetSocketAddress address, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // each write leaves as its own segment: the boundaries are the test
            socket.connect(address, (int) connectTimeout.toMillis());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        Connection c = new Connection(number, socket);
        c.timeline.add(Timeline.Kind.CONNECT, 0, address.getHostString() + ":" + address.getPort());
        return c;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public Timeline timeline() {
        return timeline;
    }

    public Socket socket() {
        return socket;
    }

    /** Writes all of {@code bytes} in one call; a peer that closed or reset is recorded. */
    public Connection write(byte[] bytes) {
        if (writeFailed || socket.isClosed()) {
            timeline.add(Timeline.Kind.WRITE_FAILED, bytes.length, "connection already closed");
            return this;
        }
        try {
            out.write(bytes);
            out.flush();
            sent.add(bytes, 0, bytes.length);
            timeline.add(Timeline.Kind.WRITE, bytes.length, null);
        } catch (IOException e) {
            writeFailed = true;
            timeline.add(Timeline.Kind.WRITE_FAILED, bytes.length, e.getMessage());
        }
        return this;
    }

    /** Writes text whose characters are bytes (ISO-8859-1: U+0000 to U+00FF map to 0x00 to 0xFF). */
    public Connection write(String bytes) {
        return write(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code bytes} in pieces of {@code pieceSize}, pausing between them (Autobahn's chopsize). */
    public Connection writeInPieces(byte[] bytes, int pieceSize, Duration pause) throws InterruptedException {
        for (int i = 0; i < bytes.length; i += pieceSize) {
            if (i > 0 && !pause.isZero()) {
                pause(pause);
            }
            write(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + pieceSize)));
        }
        return this;
    }

    /** Waits, as part of what the probe sends (a slow client), and records it. */
    public Connection pause(Duration pause) throws InterruptedException {
        timeline.add(Timeline.Kind.PAUSE, 0, pause.toMillis() + " ms");
        Thread.sleep(pause);
        return this;
    }

    /** Half-closes: the server reads end of stream, and can still answer. */
    public Connection shutdownOutput() {
        try {
            socket.shutdownOutput();
            timeline.add(Timeline.Kind.HALF_CLOSE, 0, null);
        } catch (IOException e) {
            timeline.add(Timeline.Kind.WRITE_FAILED, 0, "half-close: " + e.getMessage());
        }
        return this;
    }

    /** Aborts with a reset (SO_LINGER 0, then close): what a crashed or impatient client does. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
            timeline.add(Timeline.Kind.RESET_SENT, 0, null);
        } catch (IOException e) {
            timeline.add(Timeline.Kind.RESET_SENT, 0, e.getMessage());
        }
    }

    /** Whether a write failed because the server had closed or reset the connection. */
    public boolean writeFailed() {
        return writeFailed;
    }

    /**
     * Reads one response (interim 1xx responses included, as their own responses).
     *
     * @param toHead  whether it answers a HEAD request, so that no body follows
     * @param timeout how long to wait for the whole response
     * @return the response, or null when the connection closed before any byte of one arrived
     * @throws ResponseTimeoutException when no byte of a response arrived in time
     */
    public WireResponse readResponse(boolean toHead, Duration timeout) throws ResponseTimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ResponseParser parser = new ResponseParser(this, deadline, toHead);
        return parser.parse();
    }

    /**
     * Watches for the server closing the connection within {@code window}. Bytes that arrive
     * meanwhile are kept for {@link #readResponse} and the result is {@link CloseState#OPEN}.
     */
    public CloseState awaitClose(Duration window) {
        if (reset) {
            return CloseState.RST;
        }
        if (hasUnread()) {
            return CloseState.OPEN;
        }
        if (endOfStream) {
            return CloseState.FIN;
        }
        long deadline = System.nanoTime() + window.toNanos();
        int n = fill(deadline);
        if (n > 0) {
            return CloseState.OPEN;
        }
        if (reset) {
            return CloseState.RST;
        }
        return endOfStream ? CloseState.FIN : CloseState.OPEN;
    }

    /** Whether received bytes are waiting to be parsed. */
    public boolean hasUnread() {
        return position < pending.length;
    }

    /**
     * Reads until at least {@code atLeast} bytes have arrived, the server closes, or {@code timeout}
     * passes; returns what arrived (possibly more than asked, possibly fewer). For the echo cases.
     */
    public byte[] readAtLeast(int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (true) {
            if (hasUnread()) {
                got.write(pending, position, pending.length - position);
                position = pending.length;
            }
            if (got.size() >= atLeast || endOfStream || reset || fill(deadline) <= 0) {
                return got.toByteArray();
            }
        }
    }

    /** Reads everything until the server closes or {@code timeout} passes; for the echo cases. */
    public byte[] readUntilClose(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            if (hasUnread()) {
                all.write(pending, position, pending.length - position);
                position = pending.length;
            }
            if (endOfStream || reset || fill(deadline) <= 0) {
                return all.toByteArray();
            }
        }
    }

    /** The bytes sent, up to {@link #MAX_EVIDENCE_BYTES}, and how many there were in all. */
    @Override
    public Evidence sent() {
        return sent;
    }

    @Override
    public Evidence received() {
        return received;
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing our own end: nothing to report
            }
            timeline.add(Timeline.Kind.CLOSE, 0, "client closed");
        }
    }

    // --- reading, for the parser ---

    /** The next byte, or -1 at end of stream, reset or the deadline. */
    int nextByte(long deadline) {
        if (!hasUnread() && fill(deadline) <= 0) {
            return -1;
        }
        return pending[position++] & 0xFF;
    }

    boolean timedOut(long deadline) {
        return !endOfStream && !reset && System.nanoTime() >= deadline;
    }

    boolean ended() {
        return endOfStream || reset;
    }

    /** Reads more bytes; returns how many, 0 on timeout, -1 at end of stream or reset. */
    private int fill(long deadline) {
        if (endOfStream || reset) {
            return -1;
        }
        long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
            return 0;
        }
        byte[] chunk = new byte[16_384];
        int n;
        try {
            socket.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
            n = in.read(chunk);
        } catch (SocketTimeoutException e) {
            timeline.add(Timeline.Kind.TIMEOUT, 0, "no bytes within " + leftMillis + " ms");
            return 0;
        } catch (SocketException e) {
            reset = true;
            timeline.add(Timeline.Kind.RST_RECEIVED, 0, e.getMessage());
            return -1;
        } catch (IOException e) {
            reset = true;
            timeline.add(Timeline.Kind.RST_RECEIVED, 0, e.getMessage());
            return -1;
        }
        if (n < 0) {
            endOfStream = true;
            timeline.add(Timeline.Kind.FIN_RECEIVED, 0, null);
            return -1;
        }
        received.add(chunk, 0, n);
        timeline.add(Timeline.Kind.READ, n, null);
        byte[] rest = Arrays.copyOfRange(pending, position, pending.length);
        pending = Arrays.copyOf(rest, rest.length + n);
        System.arraycopy(chunk, 0, pending, rest.length, n);
        position = 0;
        return n;
    }

    /** The bytes of one direction: the first {@link #MAX_EVIDENCE_BYTES}, and the total count. */
    public static final class Evidence {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;

        /** Records bytes; the first {@link #MAX_EVIDENCE_BYTES} are kept, all are counted. */
        public synchronized void add(byte[] bytes, int offset, int length) {
            int room = MAX_EVIDENCE_BYTES - kept.size();
            if (room > 0) {
                kept.write(bytes, offset, Math.min(room, length));
            }
            total += length;
        }

        public synchronized byte[] bytes() {
            return kept.toByteArray();
        }

        public synchronized long total() {
            return total;
        }

        public synchronized boolean truncated() {
            return total > kept.size();
        }
    }
}
