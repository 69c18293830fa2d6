package io.h1kit.stress.jcstress;

import io.h1kit.stress.flawed.CheckThenActQueue;
import io.h1kit.stress.subject.QueueSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZL_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two producers offer at once into a queue with one free slot: exactly one gets it, the other is
 * refused, and the queue then holds that one element. Results: the two offers, then what a drain
 * finds. The check-then-act copy lets both in: the capacity is exceeded and the ring buffer
 * overwrites one element, so the drain finds two slots, one of them lost or read twice.
 */
public class BoundedQueueOfferTest {
    private static final int CAPACITY = 1;

    @JCStressTest
    @Outcome(id = "true, false, [1]", expect = ACCEPTABLE, desc = "The first producer took the last slot; the second was refused.")
    @Outcome(id = "false, true, [2]", expect = ACCEPTABLE, desc = "The second producer took the last slot; the first was refused.")
    @Outcome(expect = FORBIDDEN, desc = "Capacity exceeded: both got in, an element lost or duplicated, or none got in.")
    @State
    public static class Fixed {
        final QueueSubject<Integer> queue = QueueSubject.real(CAPACITY);

        @Actor
        public void producer1(ZZL_Result r) {
            r.r1 = queue.offer(1);
        }

        @Actor
        public void producer2(ZZL_Result r) {
            r.r2 = queue.offer(2);
        }

        @Arbiter
        public void drain(ZZL_Result r) {
            r.r3 = queue.drain().toString();
        }
    }

    @JCStressTest
    @Outcome(id = "true, false, [1]", expect = ACCEPTABLE, desc = "The first producer took the last slot; the second was refused.")
    @Outcome(id = "false, true, [2]", expect = ACCEPTABLE, desc = "The second producer took the last slot; the first was refused.")
    @Outcome(expect = FORBIDDEN, desc = "Capacity exceeded: both got in, an element lost or duplicated, or none got in.")
    @State
    public static class FlawedCheckThenAct {
        final QueueSubject<Integer> queue = new CheckThenActQueue<>(CAPACITY);

        @Actor
        public void producer1(ZZL_Result r) {
            r.r1 = queue.offer(1);
        }

        @Actor
        public void producer2(ZZL_Result r) {
            r.r2 = queue.offer(2);
        }

        @Arbiter
        public void drain(ZZL_Result r) {
            r.r3 = queue.drain().toString();
        }
    }
}
