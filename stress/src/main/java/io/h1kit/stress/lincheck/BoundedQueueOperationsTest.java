package io.h1kit.stress.lincheck;

import io.h1kit.stress.flawed.CheckThenActQueue;
import io.h1kit.stress.subject.QueueSubject;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue's non-blocking operations, in random concurrent scenarios, against a sequential
 * bounded FIFO queue: every result must be one that some order of the calls would give. The
 * check-then-act copy gets an offer in past the capacity, which no order explains.
 */
@Param(name = "element", gen = IntGen.class, conf = "1:3")
public abstract class BoundedQueueOperationsTest {
    static final int CAPACITY = 2;

    private final QueueSubject<Integer> queue = newQueue(CAPACITY);

    protected abstract QueueSubject<Integer> newQueue(int capacity);

    @Operation
    public boolean offer(@Param(name = "element") int e) {
        return queue.offer(e);
    }

    @Operation
    public Integer poll() {
        return queue.poll();
    }

    @Operation
    public int size() {
        return queue.size();
    }

    @Operation
    public List<Integer> drain() {
        return queue.drain();
    }

    @Operation
    public int highWaterMark() {
        return queue.highWaterMark();
    }

    @Operation(runOnce = true)
    public void close() {
        queue.close();
    }

    /** What this test adds to the runner's options: its sequential specification, and scenarios. */
    public static void configure(Options<?, ?> options) {
        options.sequentialSpecification(Specification.class);
    }

    /** What the queue must behave like: a bounded FIFO queue, one call at a time. */
    public static final class Specification {
        private final ArrayDeque<Integer> items = new ArrayDeque<>();
        private int highWaterMark;
        private boolean closed;

        public boolean offer(int e) {
            if (closed || items.size() == CAPACITY) {
                return false;
            }
            items.add(e);
            highWaterMark = Math.max(highWaterMark, items.size());
            return true;
        }

        public Integer poll() {
            return items.poll();
        }

        public int size() {
            return items.size();
        }

        public List<Integer> drain() {
            List<Integer> out = new ArrayList<>(items);
            items.clear();
            return out;
        }

        public int highWaterMark() {
            return highWaterMark;
        }

        public void close() {
            closed = true;
        }
    }

    /** The real {@link io.h1kit.server.BoundedQueue}. */
    public static final class Fixed extends BoundedQueueOperationsTest {
        @Override
        protected QueueSubject<Integer> newQueue(int capacity) {
            return QueueSubject.real(capacity);
        }
    }

    /** {@link CheckThenActQueue}: offer checks for room outside the lock that inserts. */
    public static final class FlawedCheckThenAct extends BoundedQueueOperationsTest {
        @Override
        protected QueueSubject<Integer> newQueue(int capacity) {
            return new CheckThenActQueue<>(capacity);
        }
    }
}
