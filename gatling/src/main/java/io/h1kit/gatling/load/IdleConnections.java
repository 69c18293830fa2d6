package io.h1kit.gatling.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The idle-connections scenario, without Gatling: opens {@code count} keep-alive connections at
 * once, sends one GET on each and reads its response, so that the server really holds every
 * connection (an accepted socket that was never read from costs a server nothing yet), then
 * counts those the server answered and kept open. The server's RSS is sampled before and after
 * by the caller. Everything runs on one selector thread, bounded by {@code deadlineMillis}.
 *
 * <pre>
 *   CONNECTING --connected--> WRITING --request sent--> READING --200 complete--> ANSWERED
 *        \________________________\______________________\-- closed, refused, not 200 --> LOST
 * </pre>
 */
final class IdleConnections implements AutoCloseable {
    /** Response head plus body we are ready to read: the 1 KiB fixture file and its headers. */
    private static final int READ_BUFFER_BYTES = 4_096;

    private static final int OK_200 = 200;

    /** A connection's progress. */
    enum State { CONNECTING, WRITING, READING, ANSWERED, LOST }

    /** What the scenario saw: answered connections, and those of them still open at the end. */
    record Result(int opened, int answered, long[] latencyMillis, long elapsedMillis) {
        /** Two runs one after the other as one: counts and times added, latencies merged in order. */
        static Result combine(Result a, Result b) {
            long[] latencies = new long[a.latencyMillis.length + b.latencyMillis.length];
            System.arraycopy(a.latencyMillis, 0, latencies, 0, a.latencyMillis.length);
            System.arraycopy(b.latencyMillis, 0, latencies, a.latencyMillis.length, b.latencyMillis.length);
            Arrays.sort(latencies);
            return new Result(a.opened + b.opened, a.answered + b.answered, latencies, a.elapsedMillis + b.elapsedMillis);
        }
    }

    private final List<Conn> conns = new ArrayList<>();
    private final Selector selector;
    private Result result;

    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer request;
        final ByteBuffer response = ByteBuffer.allocate(READ_BUFFER_BYTES);
        State state = State.CONNECTING;
        long sentNanos;
        long latencyMillis = -1;

        Conn(SocketChannel channel, ByteBuffer request) {
            this.channel = channel;
            this.request = request;
        }
    }

    private IdleConnections() throws IOException {
        this.selector = Selector.open();
    }

    /** Opens, asks, reads; leaves the answered connections open until {@link #close()}. */
    static IdleConnections open(InetSocketAddress server, String path, int count, long deadlineMillis)
            throws IOException {
        IdleConnections idle = new IdleConnections();
        try {
            idle.result = idle.run(server, path, count, deadlineMillis);
            return idle;
        } catch (IOException | RuntimeException e) {
            idle.close();
            throw e;
        }
    }

    /** What opening them found. */
    Result result() {
        return result;
    }

    private Result run(InetSocketAddress server, String path, int count, long deadlineMillis) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nUser-Agent: h1kit-load-idle\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        long deadline = start + deadlineMillis * 1_000_000;
        for (int i = 0; i < count; i++) {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn c = new Conn(ch, ByteBuffer.wrap(request));
            conns.add(c);
            try {
                if (ch.connect(server)) {
                    c.state = State.WRITING;
                    ch.register(selector, SelectionKey.OP_WRITE, c);
                } else {
                    ch.register(selector, SelectionKey.OP_CONNECT, c);
                }
            } catch (IOException e) {
                lose(c);
            }
        }
        int pending = count - (int) conns.stream().filter(c -> c.state == State.LOST).count();
        while (pending > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            selector.select(left);
            for (SelectionKey key : selector.selectedKeys()) {
                Conn c = (Conn) key.attachment();
                State before = c.state;
                step(c, key);
                if (before != c.state && (c.state == State.ANSWERED || c.state == State.LOST)) {
                    pending--;
                }
            }
            selector.selectedKeys().clear();
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        int answered = 0;
        List<Long> latencies = new ArrayList<>();
        for (Conn c : conns) {
            if (c.state == State.ANSWERED) {
                answered++;
                latencies.add(c.latencyMillis);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(count, answered, sorted, elapsed);
    }

    private void step(Conn c, SelectionKey key) {
        try {
            switch (c.state) {
                case CONNECTING -> {
                    if (c.channel.finishConnect()) {
                        c.state = State.WRITING;
                        key.interestOps(SelectionKey.OP_WRITE);
                    }
                }
                case WRITING -> {
                    c.channel.write(c.request);
                    if (!c.request.hasRemaining()) {
                        c.sentNanos = System.nanoTime();
                        c.state = State.READING;
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                case READING -> {
                    if (c.channel.read(c.response) < 0) {
                        lose(c);
                        return;
                    }
                    int length = HttpResponses.completeLength(c.response.array(), c.response.position());
                    if (length == HttpResponses.TOO_LARGE) {
                        lose(c);
                    } else if (length > 0 && HttpResponses.status(c.response.array(), length) != OK_200) {
                        lose(c); // a 503 from a full server: answered, but not held
                    } else if (length > 0) {
                        c.latencyMillis = (System.nanoTime() - c.sentNanos) / 1_000_000;
                        c.state = State.ANSWERED;
                        key.interestOps(0);
                    }
                }
                default -> key.interestOps(0);
            }
        } catch (IOException e) {
            lose(c);
        }
    }

    private static void lose(Conn c) {
        c.state = State.LOST;
        try {
            c.channel.close();
        } catch (IOException e) {
            // closing a failed socket: nothing left to do
        }
    }

    /**
     * Of the answered connections, those the server still keeps open now: a non-blocking read
     * that finds nothing (0) rather than the end of the stream (-1) or a reset.
     */
    int stillHeld() {
        ByteBuffer probe = ByteBuffer.allocate(1);
        int held = 0;
        for (Conn c : conns) {
            if (c.state != State.ANSWERED) {
                continue;
            }
            try {
                probe.clear();
                if (c.channel.read(probe) == 0) {
                    held++;
                }
            } catch (IOException e) {
                // reset by the server: not held
            }
        }
        return held;
    }

    @Override
    public void close() {
        for (Conn c : conns) {
            try {
                c.channel.close();
            } catch (IOException e) {
                // best effort: the process exits soon anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // as above
        }
    }

    /** The p-th percentile (0..100) of sorted whole milliseconds, nearest rank; 0 when empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
