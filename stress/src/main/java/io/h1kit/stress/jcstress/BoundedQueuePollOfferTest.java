package io.h1kit.stress.jcstress;

import io.h1kit.stress.subject.QueueSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LI_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A consumer polls while a producer offers into an empty queue: the element is either taken or
 * still queued, never both and never neither. Results: what the poll got, then the size left.
 */
public class BoundedQueuePollOfferTest {

    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The consumer took the element.")
    @Outcome(id = "null, 1", expect = ACCEPTABLE, desc = "The consumer came first and found nothing; the element waits.")
    @Outcome(expect = FORBIDDEN, desc = "The element was lost or seen twice.")
    @State
    public static class Fixed {
        final QueueSubject<Integer> queue = QueueSubject.real(2);

        @Actor
        public void consumer(LI_Result r) {
            r.r1 = queue.poll();
        }

        @Actor
        public void producer() {
            queue.offer(1);
        }

        @Arbiter
        public void size(LI_Result r) {
            r.r2 = queue.size();
        }
    }
}
