package io.h1kit.server;

import io.h1kit.server.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log writer thread: whole lines in order, a full queue drops and counts, close drains. */
@Timeout(30)
class AsyncLogSinkTest {
    private static final AtomicInteger SINKS = new AtomicInteger();

    /** A sink whose first line blocks until released: a disk that has stalled. */
    private final GatedSink gated = new GatedSink();

    @AfterEach
    void releaseTheGate() {
        gated.release.countDown();
    }

    private static String name() {
        return "test-log-" + SINKS.incrementAndGet();
    }

    @Test
    @DisplayName("lines from 4 threads arrive whole, each thread's in order, none dropped")
    void linesArriveWholeAndInOrder() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncLogSink sink = new AsyncLogSink(LogSink.to(out), 4_096, name());
        int threads = 4;
        int perThread = 500;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    sink.line("writer " + id + " line " + i + " " + "x".repeat(100));
                }
            }));
        }
        for (Thread w : writers) {
            assertTrue(w.join(Eventually.BOUND));
        }
        sink.close();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(threads * perThread, lines.size());
        int[] next = new int[threads];
        for (String line : lines) {
            String[] parts = line.split(" ");
            assertEquals(5, parts.length, "a whole line: " + line);
            assertEquals("x".repeat(100), parts[4], "a whole line: " + line);
            int writer = Integer.parseInt(parts[1]);
            assertEquals(next[writer]++, Integer.parseInt(parts[3]), "writer " + writer + "'s lines in order");
        }
        assertEquals(0, sink.dropped());
    }

    @Test
    @DisplayName("the disk stalls: the queue fills, further lines are dropped and counted, never blocking the caller")
    void fullQueueDropsAndCounts() throws InterruptedException {
        AsyncLogSink sink = new AsyncLogSink(gated, 2, name());
        sink.line("a");
        assertTrue(gated.writing.await(Eventually.BOUND.toSeconds(), TimeUnit.SECONDS), "the writer took the first line");
        sink.line("b");
        sink.line("c");
        assertEquals(2, sink.pending());
        sink.line("d");
        sink.line("e");
        assertEquals(2, sink.dropped());
        assertEquals(2, sink.pending());

        gated.release.countDown();
        sink.close();
        assertEquals(List.of("a", "b", "c", "close"), gated.events());
        assertEquals(2, sink.dropped());
    }

    @Test
    @DisplayName("close writes what is queued, then closes the wrapped sink; a line after close is dropped")
    void closeDrainsTheQueue() throws InterruptedException {
        AsyncLogSink sink = new AsyncLogSink(gated, 10, name());
        sink.line("a");
        assertTrue(gated.writing.await(Eventually.BOUND.toSeconds(), TimeUnit.SECONDS));
        sink.line("b");
        sink.line("c");
        sink.line("d");
        Thread closer = Thread.ofPlatform().name("closer").start(sink::close);
        // The closer waits in join only after it has closed the queue.
        assertEquals(Thread.State.TIMED_WAITING, Eventually.blockedOrEnded(closer), "close waits for the writer");
        assertEquals(3, sink.pending(), "nothing was written while the disk stalled");
        sink.line("late");
        assertEquals(1, sink.dropped(), "the queue is closed");

        gated.release.countDown();
        assertTrue(closer.join(Eventually.BOUND));
        assertEquals(List.of("a", "b", "c", "d", "close"), gated.events(), "drained, then the wrapped sink closed");
        assertEquals(0, sink.pending());
    }

    @Test
    @DisplayName("wrap leaves a disabled sink alone and puts a writer thread in front of an enabled one")
    void wrap() {
        LogSink off = LogSink.open(LogSink.OFF, java.io.FileDescriptor.err);
        assertSame(off, AsyncLogSink.wrap(off, name()));
        LogSink wrapped = AsyncLogSink.wrap(gated, name());
        assertTrue(wrapped instanceof AsyncLogSink);
        assertTrue(wrapped.enabled());
        gated.release.countDown();
        wrapped.close();
        assertEquals(List.of("close"), gated.events());
    }

    /** Records lines and the close, in order; the first line waits for {@link #release}. */
    private static final class GatedSink implements LogSink {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final List<String> events = new ArrayList<>();

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void line(String line) {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (events) {
                events.add(line);
            }
        }

        @Override
        public void close() {
            synchronized (events) {
                events.add("close");
            }
        }

        List<String> events() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }
}
