package io.h1kit.stress.lincheck;

import io.h1kit.stress.flawed.SingleConditionQueue;
import io.h1kit.stress.subject.QueueSubject;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Blocking hand-off through a queue of one slot: a producer puts two elements while two consumers
 * take one each. Every call can complete, so the only acceptable ends are the two elements taken,
 * in order. With one condition and {@code signal()}, a consumer's wake-up meant for the waiting
 * producer can go to the other consumer: the model checker finds the interleaving in which every
 * thread waits for ever and reports the deadlock.
 *
 * <p>Only this fixed scenario is run: random scenarios of blocking calls would wait for ever on a
 * correct queue too (three takes and one put).
 */
public abstract class BoundedQueueHandOffTest {
    static final int CAPACITY = 1;

    private final QueueSubject<Integer> queue = newQueue(CAPACITY);

    protected abstract QueueSubject<Integer> newQueue(int capacity);

    @Operation(blocking = true)
    public boolean put(int e) throws InterruptedException {
        return queue.put(e);
    }

    @Operation(blocking = true)
    public Integer take() throws InterruptedException {
        return queue.take();
    }

    /** What this test adds to the runner's options: its sequential specification, and scenarios. */
    public static void configure(Options<?, ?> options) {
        Class<?> test = BoundedQueueHandOffTest.class;
        options.iterations(0)
                .threads(3)
                .sequentialSpecification(Specification.class)
                .addCustomScenario(Scenarios.parallel(
                        List.of(Scenarios.call(test, "put", 1), Scenarios.call(test, "put", 2)),
                        List.of(Scenarios.call(test, "take")),
                        List.of(Scenarios.call(test, "take"))));
    }

    /**
     * A queue of one slot, one call at a time. A call that would block answers what no blocked
     * call returns (false, null), so an order in which it would have had to wait is rejected.
     */
    public static final class Specification {
        private final ArrayDeque<Integer> items = new ArrayDeque<>();

        public boolean put(int e) {
            if (items.size() == CAPACITY) {
                return false;
            }
            items.add(e);
            return true;
        }

        public Integer take() {
            return items.poll();
        }
    }

    /** The real {@link io.h1kit.server.BoundedQueue}: two conditions. */
    public static final class Fixed extends BoundedQueueHandOffTest {
        @Override
        protected QueueSubject<Integer> newQueue(int capacity) {
            return QueueSubject.real(capacity);
        }
    }

    /** {@link SingleConditionQueue}: one condition, one waiter woken per change. */
    public static final class FlawedSingleCondition extends BoundedQueueHandOffTest {
        @Override
        protected QueueSubject<Integer> newQueue(int capacity) {
            return new SingleConditionQueue<>(capacity);
        }
    }
}
