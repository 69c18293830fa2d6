package io.h1kit.stress.lincheck;

import io.h1kit.stress.flawed.EarlyCheckHandOff;
import io.h1kit.stress.flawed.LateFlagHandOff;
import io.h1kit.stress.flawed.SingleProducerHandOff;
import io.h1kit.stress.subject.HandOffSubject;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Producers offer and close while the one loop polls and prepares to sleep, in random concurrent
 * scenarios, against a sequential bounded queue: every result must be one that some order of the
 * calls gives. The loop's operations share one thread (a non-parallel group), as they do in the
 * server. After each part a validation looks for the lost wake-up: the loop decided to sleep, an
 * item waits, and no wake-up ran since. The single-producer copy loses an item between two
 * offers; the late-flag and early-check copies lose the wake-up.
 */
@Param(name = "item", gen = IntGen.class, conf = "1:3")
public abstract class HandOffOperationsTest {
    static final int CAPACITY = 2;

    private final AtomicInteger wakeups = new AtomicInteger();
    private final HandOffSubject<Integer> handOff = newHandOff(CAPACITY, wakeups::incrementAndGet);
    // The loop's own view, touched by the loop's operations only (and the validation, after them).
    private boolean asleep;
    private int wakeupsWhenAsleep;

    protected abstract HandOffSubject<Integer> newHandOff(int capacity, Runnable wakeup);

    @Operation
    public boolean offer(@Param(name = "item") int item) {
        return handOff.offer(item);
    }

    @Operation(nonParallelGroup = "loop")
    public Integer poll() {
        wake();
        return handOff.poll();
    }

    /** The loop found nothing to do: true means it now blocks in select until woken. */
    @Operation(nonParallelGroup = "loop")
    public boolean prepareToSleep() {
        wake();
        int before = wakeups.get();
        boolean sleeps = handOff.prepareToSleep();
        if (sleeps) {
            asleep = true;
            wakeupsWhenAsleep = before;
        }
        return sleeps;
    }

    @Operation
    public int size() {
        return handOff.size();
    }

    @Operation(runOnce = true)
    public void close() {
        handOff.close();
    }

    @Validate
    public void noLostWakeUp() {
        if (asleep && wakeups.get() == wakeupsWhenAsleep && handOff.size() > 0) {
            throw new IllegalStateException("lost wake-up: the loop sleeps, " + handOff.size()
                    + " item(s) wait, and no wake-up ran since it decided to sleep");
        }
    }

    // Select returned: the loop is awake again, as after every blocking select.
    private void wake() {
        if (asleep) {
            handOff.awake();
            asleep = false;
        }
    }

    /**
     * What this test adds to the runner's options: its sequential specification, small random
     * scenarios (the model checker's cost grows fast with their size), and the two races the
     * flawed copies are about as scenarios of their own: two producers and a size; a producer
     * against the loop going to sleep.
     */
    public static void configure(Options<?, ?> options) {
        Class<?> test = HandOffOperationsTest.class;
        options.sequentialSpecification(Specification.class)
                .actorsBefore(1)
                .actorsPerThread(2)
                .actorsAfter(1)
                .addCustomScenario(Scenarios.parallelThen(List.of(
                                List.of(Scenarios.call(test, "offer", 1)),
                                List.of(Scenarios.call(test, "offer", 2))),
                        List.of(Scenarios.call(test, "size"))))
                .addCustomScenario(Scenarios.parallel(
                        List.of(Scenarios.call(test, "offer", 1)),
                        List.of(Scenarios.call(test, "prepareToSleep"))));
    }

    /** A bounded FIFO queue, one call at a time; the loop may sleep exactly when it is empty. */
    public static final class Specification {
        private final ArrayDeque<Integer> items = new ArrayDeque<>();
        private boolean closed;

        public boolean offer(int item) {
            if (closed || items.size() == CAPACITY) {
                return false;
            }
            items.add(item);
            return true;
        }

        public Integer poll() {
            return items.poll();
        }

        public boolean prepareToSleep() {
            return items.isEmpty();
        }

        public int size() {
            return items.size();
        }

        public void close() {
            closed = true;
        }
    }

    /** The real {@link io.h1kit.eventloop.HandOff} of stage 4. */
    public static final class Fixed extends HandOffOperationsTest {
        @Override
        protected HandOffSubject<Integer> newHandOff(int capacity, Runnable wakeup) {
            return HandOffSubject.real(capacity, wakeup);
        }
    }

    /** {@link LateFlagHandOff}: the loop checks for items, then marks itself asleep. */
    public static final class FlawedLateFlag extends HandOffOperationsTest {
        @Override
        protected HandOffSubject<Integer> newHandOff(int capacity, Runnable wakeup) {
            return new LateFlagHandOff<>(capacity, wakeup);
        }
    }

    /** {@link EarlyCheckHandOff}: the producer reads the loop's mark, then publishes. */
    public static final class FlawedEarlyCheck extends HandOffOperationsTest {
        @Override
        protected HandOffSubject<Integer> newHandOff(int capacity, Runnable wakeup) {
            return new EarlyCheckHandOff<>(capacity, wakeup);
        }
    }

    /** {@link SingleProducerHandOff}: a single-producer ring offered to by several. */
    public static final class FlawedSingleProducer extends HandOffOperationsTest {
        @Override
        protected HandOffSubject<Integer> newHandOff(int capacity, Runnable wakeup) {
            return new SingleProducerHandOff<>(capacity, wakeup);
        }
    }
}
