package io.h1kit.stress.lincheck;

import io.h1kit.eventloop.BufferPool;
import io.h1kit.stress.flawed.CheckThenActBufferPool;
import io.h1kit.stress.flawed.RacyCounterBufferPool;
import io.h1kit.stress.subject.BufferPoolSubject;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loops acquire and release buffers while the status page reads the counters, in random
 * concurrent scenarios, against a sequential pool of counters: every result (whether an acquire
 * was served from the pool, each snapshot of the stats, a release refused because nothing is
 * outstanding) must be one that some order of the calls gives. The check-then-act copy pools a
 * buffer past its bound, and the racy-counter copy loses an acquisition or a release: no order
 * explains either.
 *
 * <p>A release gives back a buffer from a stock the test made up front, never one twice, so an
 * acquire was served from the pool exactly when it returns a stock buffer. Stock buffers carry a
 * mark in their first byte (the pool clears positions, not contents; a new direct buffer is all
 * zeros), which tells them apart without a loop the model checker would have to bound.
 */
public abstract class BufferPoolOperationsTest {
    static final int BYTES = 16;
    static final int MAX_POOLED = 1;
    /** More than the releases of any scenario here (six operations at most). */
    private static final int STOCK_SIZE = 8;
    private static final byte STOCK_MARK = 1;

    private final BufferPoolSubject pool = newPool(BYTES, MAX_POOLED);
    private final AtomicInteger nextStock = new AtomicInteger();
    private final ByteBuffer[] stock = stock();

    protected abstract BufferPoolSubject newPool(int bufferBytes, int maxPooled);

    /** @return whether the buffer came from the pool (else it was allocated) */
    @Operation
    public boolean acquire() {
        ByteBuffer b = pool.acquire();
        if (!b.isDirect() || b.capacity() != BYTES || b.position() != 0 || b.limit() != BYTES) {
            throw new AssertionError("not a cleared direct buffer of " + BYTES + " bytes: " + b);
        }
        return b.get(0) == STOCK_MARK;
    }

    @Operation
    public void release() {
        ByteBuffer b = stock[nextStock.getAndIncrement()];
        b.clear().position(BYTES / 2); // as a loop leaves it: partly used, for the pool to clear
        pool.release(b);
    }

    @Operation
    public BufferPool.Stats stats() {
        return pool.stats();
    }

    /**
     * What this test adds to the runner's options: its sequential specification, small random
     * scenarios (every lock operation is many steps to the model checker, so lincheck's default
     * sizes cost seconds a scenario), and the race each flawed copy is about, as a scenario of its
     * own: two loops that each acquire and then release at once, then the stats.
     */
    public static void configure(Options<?, ?> options) {
        Class<?> test = BufferPoolOperationsTest.class;
        options.sequentialSpecification(Specification.class)
                .actorsBefore(1)
                .actorsPerThread(2)
                .actorsAfter(1)
                .addCustomScenario(Scenarios.parallelThen(List.of(
                                List.of(Scenarios.call(test, "acquire"), Scenarios.call(test, "release")),
                                List.of(Scenarios.call(test, "acquire"), Scenarios.call(test, "release"))),
                        List.of(Scenarios.call(test, "stats"))));
    }

    /** A pool reduced to its counters, one call at a time. */
    public static final class Specification {
        private int pooled;
        private long allocated;
        private long acquired;
        private long released;
        private long discarded;

        public boolean acquire() {
            acquired++;
            if (pooled > 0) {
                pooled--;
                return true;
            }
            allocated++;
            return false;
        }

        public void release() {
            if (released == acquired) {
                throw new IllegalStateException("more releases than acquisitions");
            }
            released++;
            if (pooled == MAX_POOLED) {
                discarded++;
            } else {
                pooled++;
            }
        }

        public BufferPool.Stats stats() {
            return new BufferPool.Stats(BYTES, MAX_POOLED, pooled, allocated, acquired, released, discarded);
        }
    }

    private static ByteBuffer[] stock() {
        ByteBuffer[] stock = new ByteBuffer[STOCK_SIZE];
        for (int i = 0; i < stock.length; i++) {
            stock[i] = ByteBuffer.allocateDirect(BYTES).put(0, STOCK_MARK);
        }
        return stock;
    }

    /** The real {@link BufferPool} of stage 4. */
    public static final class Fixed extends BufferPoolOperationsTest {
        @Override
        protected BufferPoolSubject newPool(int bufferBytes, int maxPooled) {
            return BufferPoolSubject.real(bufferBytes, maxPooled);
        }
    }

    /** {@link CheckThenActBufferPool}: release checks for room outside the lock that pushes. */
    public static final class FlawedCheckThenAct extends BufferPoolOperationsTest {
        @Override
        protected BufferPoolSubject newPool(int bufferBytes, int maxPooled) {
            return new CheckThenActBufferPool(bufferBytes, maxPooled);
        }
    }

    /** {@link RacyCounterBufferPool}: the acquired and released counters are plain {@code ++} outside the lock. */
    public static final class FlawedRacyCounter extends BufferPoolOperationsTest {
        @Override
        protected BufferPoolSubject newPool(int bufferBytes, int maxPooled) {
            return new RacyCounterBufferPool(bufferBytes, maxPooled);
        }
    }
}
