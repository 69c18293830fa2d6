package io.h1kit.server;


import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * A log sink that never makes a worker wait for the disk: {@link #line} puts the line in a
 * {@link BoundedQueue} and returns; one writer thread writes the lines, whole and in order, to
 * the sink it wraps. Lines never interleave: each is one queue element and one write.
 *
 * <p>When the queue is full (the disk is slower than the server) the line is <b>dropped and
 * counted</b> ({@link #dropped()}, shown on /server-status and in the server_stopped log line).
 * Blocking would make the log slow down the server, and an unbounded buffer would let it exhaust
 * memory; losing access-log lines under an overload the log cannot keep up with is the least bad
 * choice, and it is visible. Thread-safe.
 */
public final class AsyncLogSink implements LogSink {
    /** Lines buffered at most: about 1 MiB of access-log lines, seconds of a busy server's output. */
    public static final int CAPACITY = 8_192;
    /** How long closing waits for the writer to write what is queued. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final LogSink target;
    private final BoundedQueue<String> lines;
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;

    public AsyncLogSink(LogSink target, int capacity, String name) {
        this.target = target;
        this.lines = new BoundedQueue<>(capacity);
        this.writer = Thread.ofPlatform().daemon().name(name).start(this::write);
    }

    /** Wraps {@code target} with the default capacity; a disabled sink stays as it is. */
    public static LogSink wrap(LogSink target, String name) {
        return target.enabled() ? new AsyncLogSink(target, CAPACITY, name) : target;
    }

    private void write() {
        while (true) {
            String line;
            try {
                line = lines.take();
            } catch (InterruptedException e) {
                return;
            }
            if (line == null) {
                return; // closed and drained
            }
            target.line(line);
        }
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void line(String line) {
        if (!lines.offer(line)) {
            dropped.increment();
        }
    }

    /** Lines dropped because the writer fell behind (or after close). */
    public long dropped() {
        return dropped.sum();
    }

    /** Lines waiting to be written. */
    public int pending() {
        return lines.size();
    }

    /** Writes what is queued (waiting up to {@link #DRAIN_TIMEOUT}), then closes the wrapped sink. */
    @Override
    public void close() {
        lines.close();
        try {
            writer.join(DRAIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.close();
    }
}
