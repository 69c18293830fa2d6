package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * A byte stream for the echo cases: pseudo-random bytes that are a function of their position and
 * a seed, so that the reader checks every echoed byte against what was sent without keeping it,
 * and SHA-256 digests of both directions. The {@link Writer} runs on its own thread (a client
 * that only writes deadlocks once the server's send buffer fills); {@link #read} runs on the
 * caller's. One stream per connection; a stream is not shared between threads except that the
 * writer publishes its progress.
 */
final class EchoStream {
    private static final int READ_BUFFER_BYTES = 65_536;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long seed;
    private final long size;

    EchoStream(long seed, long size) {
        this.seed = seed;
        this.size = size;
    }

    long size() {
        return size;
    }

    /** The stream's bytes from {@code position}, into {@code into[0..length)}: word by word where aligned. */
    void fill(byte[] into, int length, long position) {
        int i = 0;
        while (i < length && ((position + i) & 7) != 0) {
            into[i] = byteAt(position + i);
            i++;
        }
        for (; i + 8 <= length; i += 8) {
            LONGS.set(into, i, word(position + i));
        }
        for (; i < length; i++) {
            into[i] = byteAt(position + i);
        }
    }

    private byte byteAt(long p) {
        return (byte) (word(p) >>> ((p & 7) * 8));
    }

    /** The 8 bytes around {@code p}, little-endian. */
    private long word(long p) {
        return mix(seed + (p >>> 3) * 0x9E3779B97F4A7C15L);
    }

    /** The whole stream as one array (for the sizes that fit a single write). */
    byte[] bytes() {
        byte[] all = new byte[Math.toIntExact(size)];
        fill(all, all.length, 0);
        return all;
    }

    /** SplitMix64's finaliser: adjacent inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of the whole stream, as the writer computes it. */
    String sha256Hex() {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        for (long p = 0; p < size; p += buffer.length) {
            int n = (int) Math.min(buffer.length, size - p);
            fill(buffer, n, p);
            digest.update(buffer, 0, n);
        }
        return hex(digest);
    }

    /**
     * Writes the stream to a socket in pieces of the sizes {@code pieces} gives, then half-closes if
     * told to. Stops at the first failed write (the peer closed or reset).
     */
    final class Writer implements Runnable {
        private final OutputStream out;
        private final Socket socket;
        private final IntSupplier pieces;
        private final boolean halfClose;
        private final AtomicLong written = new AtomicLong();
        private final MessageDigest digest = sha256();
        private volatile boolean failed;
        private volatile boolean done;
        private volatile String writtenSha256;

        Writer(Socket socket, IntSupplier pieces, boolean halfClose) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.pieces = pieces;
            this.halfClose = halfClose;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[0];
            try {
                while (written.get() < size) {
                    int n = (int) Math.min(Math.max(1, pieces.getAsInt()), size - written.get());
                    if (buffer.length < n) {
                        buffer = new byte[n];
                    }
                    fill(buffer, n, written.get());
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    written.addAndGet(n);
                }
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                failed = true;
            } finally {
                writtenSha256 = hex(digest);
                done = true;
            }
        }

        /** Bytes written so far. */
        long written() {
            return written.get();
        }

        boolean failed() {
            return failed;
        }

        boolean done() {
            return done;
        }

        /** Starts it on a virtual thread. */
        Thread start(String name) {
            return Thread.ofVirtual().name(name).start(this);
        }

        /** The SHA-256 of what was written, once done. */
        String writtenSha256() {
            return writtenSha256;
        }
    }

    Writer writer(Socket socket, IntSupplier pieces, boolean halfClose) throws IOException {
        return new Writer(socket, pieces, halfClose);
    }

    /**
     * Reads the echo until the server closes, resets, or {@code deadlineNanos} passes (then the
     * connection counts as open), checking every byte against the stream. {@code stopAtSize} stops
     * as soon as the whole stream is back (for clients that do not wait for the close).
     *
     * @param slowUntilNanos until then, read at most {@code slowBytesPerSecond} a second (ECHO-14)
     */
    Echo read(Socket socket, long deadlineNanos, boolean stopAtSize, long slowUntilNanos, int slowBytesPerSecond) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        byte[] expected = new byte[READ_BUFFER_BYTES];
        long received = 0;
        long firstDifference = -1;
        long start = System.nanoTime();
        CloseState end = CloseState.OPEN;
        try {
            InputStream in = socket.getInputStream();
            while (!(stopAtSize && received >= size)) {
                long now = System.nanoTime();
                long left = (deadlineNanos - now) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                boolean slow = now < slowUntilNanos;
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                int n;
                try {
                    n = in.read(buffer, 0, slow ? slowBytesPerSecond : buffer.length);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    end = CloseState.FIN;
                    break;
                }
                digest.update(buffer, 0, n);
                if (firstDifference < 0) {
                    int inStream = (int) Math.max(0, Math.min(n, size - received));
                    fill(expected, inStream, received);
                    int i = Arrays.mismatch(buffer, 0, inStream, expected, 0, inStream);
                    if (i >= 0 || inStream < n) {
                        firstDifference = received + (i >= 0 ? i : inStream);
                    }
                }
                received += n;
                if (slow) {
                    Thread.sleep(1_000);
                }
            }
        } catch (SocketException e) {
            end = CloseState.RST;
        } catch (IOException e) {
            end = CloseState.RST;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Echo(received, hex(digest), firstDifference, end, (System.nanoTime() - start) / 1_000_000);
    }

    Echo read(Socket socket, long deadlineNanos, boolean stopAtSize) {
        return read(socket, deadlineNanos, stopAtSize, 0, READ_BUFFER_BYTES);
    }

    /**
     * What came back.
     *
     * @param received        bytes echoed
     * @param sha256          their digest
     * @param firstDifference the offset of the first byte that differs from the stream (or lies
     *                        beyond it), or -1
     * @param end             how the connection ended: FIN, RST, or OPEN when the deadline passed
     * @param millis          how long the reading took
     */
    record Echo(long received, String sha256, long firstDifference, CloseState end, long millis) {

        /** Whether exactly the stream came back, every byte in order. */
        boolean intact(EchoStream stream, String sentSha256) {
            return received == stream.size() && firstDifference < 0 && sha256.equals(sentSha256);
        }

        /** The facts the report shows; {@code sent} is what the writer managed to write. */
        Map<String, Object> facts(EchoStream stream, long sent, String sentSha256) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("intact", intact(stream, sentSha256));
            facts.put("stream_bytes", stream.size());
            facts.put("sent_bytes", sent);
            facts.put("echoed_bytes", received);
            facts.put("sha256_sent", sentSha256);
            facts.put("sha256_echoed", sha256);
            if (firstDifference >= 0) {
                facts.put("first_difference_at", firstDifference);
            }
            facts.put("ended_by", end.name());
            facts.put("read_ms", millis);
            return facts;
        }
    }
}
