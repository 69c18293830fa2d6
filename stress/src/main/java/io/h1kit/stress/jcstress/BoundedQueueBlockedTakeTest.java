package io.h1kit.stress.jcstress;

import io.h1kit.stress.subject.QueueSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A worker blocks taking from an empty queue; the acceptor then offers one element: the worker
 * must wake and take it. (Lost wake-ups that need more threads, a signal meant for a producer
 * that wakes a consumer, are lincheck's: see BoundedQueueHandOffLincheck.)
 */
public class BoundedQueueBlockedTakeTest {

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The blocked taker woke and took the element.")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "The taker slept through the element's arrival: a lost wake-up.")
    @Outcome(expect = FORBIDDEN, desc = "The taker failed.")
    @State
    public static class Fixed {
        final QueueSubject<Integer> queue = QueueSubject.real(1);

        @Actor
        public void worker() throws InterruptedException {
            if (queue.take() == null) {
                throw new IllegalStateException("took null from an open queue");
            }
        }

        @Signal
        public void acceptor() {
            queue.offer(1);
        }
    }
}
