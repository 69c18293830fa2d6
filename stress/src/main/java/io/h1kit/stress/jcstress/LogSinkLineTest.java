package io.h1kit.stress.jcstress;

import io.h1kit.server.AsyncLogSink;
import io.h1kit.server.LogSink;
import io.h1kit.stress.flawed.TornLogSink;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two workers log a line each at the same moment: the log must hold both lines whole, in either
 * order. The result is the log's text with each newline shown as {@code |}. The torn sink writes a
 * line and its newline in two writes and tears lines ({@code ab||}); the real synchronous sink
 * writes both in one write under its lock; AsyncLogSink hands every line to one writer thread, so
 * even the torn sink behind it receives one line at a time.
 */
public class LogSinkLineTest {

    static String shown(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).replace('\n', '|');
    }

    @JCStressTest
    @Outcome(id = "a|b|", expect = ACCEPTABLE, desc = "Both lines whole, the first worker's first.")
    @Outcome(id = "b|a|", expect = ACCEPTABLE, desc = "Both lines whole, the second worker's first.")
    @Outcome(expect = FORBIDDEN, desc = "A torn line: the two workers' writes interleaved, or a line was lost.")
    @State
    public static class Fixed {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LogSink sink = LogSink.to(out);

        @Actor
        public void worker1() {
            sink.line("a");
        }

        @Actor
        public void worker2() {
            sink.line("b");
        }

        @Arbiter
        public void read(L_Result r) {
            r.r1 = shown(out);
        }
    }

    @JCStressTest
    @Outcome(id = "a|b|", expect = ACCEPTABLE, desc = "Both lines whole, the first worker's first.")
    @Outcome(id = "b|a|", expect = ACCEPTABLE, desc = "Both lines whole, the second worker's first.")
    @Outcome(expect = FORBIDDEN, desc = "A torn line: the two workers' writes interleaved, or a line was lost.")
    @State
    public static class FlawedTwoWrites {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LogSink sink = new TornLogSink(out);

        @Actor
        public void worker1() {
            sink.line("a");
        }

        @Actor
        public void worker2() {
            sink.line("b");
        }

        @Arbiter
        public void read(L_Result r) {
            r.r1 = shown(out);
        }
    }

    /**
     * The real AsyncLogSink in front of the torn sink. One AsyncLogSink (one writer thread) serves
     * every state: jcstress makes thousands of states per second, and a writer thread each would
     * be thousands of threads. Lines carry their state's id, and the sink behind routes each line
     * to that state's own torn sink; the arbiter waits for the writer to deliver both.
     */
    @JCStressTest
    @Outcome(id = "a|b|", expect = ACCEPTABLE, desc = "Both lines whole, the first worker's first.")
    @Outcome(id = "b|a|", expect = ACCEPTABLE, desc = "Both lines whole, the second worker's first.")
    @Outcome(expect = FORBIDDEN, desc = "A torn line: the target was called from two threads at once, or a line was lost.")
    @State
    public static class FixedAsync {
        private static final ConcurrentHashMap<Long, LogSink> TARGETS = new ConcurrentHashMap<>();
        private static final AtomicLong IDS = new AtomicLong();
        /** Far more than the lines of all states in flight at once, so that none is dropped. */
        private static final int CAPACITY = 1 << 18;
        private static final long DELIVERY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
        private static final LogSink ASYNC = new AsyncLogSink(new LogSink() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void line(String line) {
                int bar = line.indexOf('|');
                TARGETS.get(Long.parseLong(line, 0, bar, 10)).line(line.substring(bar + 1));
            }

            @Override
            public void close() {
            }
        }, CAPACITY, "jcstress-async-log");

        final long id = IDS.incrementAndGet();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public FixedAsync() {
            TARGETS.put(id, new TornLogSink(out));
        }

        @Actor
        public void worker1() {
            ASYNC.line(id + "|a");
        }

        @Actor
        public void worker2() {
            ASYNC.line(id + "|b");
        }

        @Arbiter
        public void read(L_Result r) {
            long deadline = System.nanoTime() + DELIVERY_TIMEOUT_NANOS;
            while (out.size() < 4 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            TARGETS.remove(id);
            r.r1 = shown(out);
        }
    }
}
