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
 * A worker blocks taking from an empty queue; the server then closes the queue (shutdown): the
 * worker must wake and get null, its signal to end.
 */
public class BoundedQueueCloseTest {

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The blocked taker woke on close and got null.")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "The taker slept through the close: the worker never ends.")
    @Outcome(expect = FORBIDDEN, desc = "The taker failed.")
    @State
    public static class Fixed {
        final QueueSubject<Integer> queue = QueueSubject.real(1);

        @Actor
        public void worker() throws InterruptedException {
            if (queue.take() != null) {
                throw new IllegalStateException("took an element nobody offered");
            }
        }

        @Signal
        public void shutdown() {
            queue.close();
        }
    }
}
