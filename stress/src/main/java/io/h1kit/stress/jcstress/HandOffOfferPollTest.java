package io.h1kit.stress.jcstress;

import io.h1kit.stress.flawed.SingleProducerHandOff;
import io.h1kit.stress.subject.HandOffSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two producers offer a connection each, across the end of the ring, and the second producer is
 * also the loop: right after its offer it polls (an event loop handing a connection on, then
 * draining its own queue). What it did not get, a final drain finds. Every connection arrives
 * exactly once. Two actors, not three, since jcstress runs no test with more actors than the two
 * cores. Results: offers accepted, how often 1 and how often 2 came out, and whether the
 * loop's poll got one (it must: its own offer was there). The single-producer
 * copy lets both producers write the same slot: a connection is lost although both offers said true.
 */
public class HandOffOfferPollTest {
    static final int CAPACITY = 2;

    /** A hand-off whose next slot is the ring's last, so that the two offers wrap around. */
    static HandOffSubject<Integer> wrapped(HandOffSubject<Integer> h) {
        h.offer(0);
        h.poll();
        return h;
    }

    static void count(Integer item, int[] seen) {
        if (item != null) {
            seen[item]++;
        }
    }

    @JCStressTest
    @Outcome(id = "2, 1, 1, 1", expect = ACCEPTABLE, desc = "Both offers accepted, each connection taken exactly once, the loop's poll served.")
    @Outcome(expect = FORBIDDEN, desc = "A connection lost or taken twice, an offer refused with room for it, or the loop's poll empty after its own offer.")
    @State
    public static class Fixed {
        final HandOffSubject<Integer> handOff = wrapped(HandOffSubject.real(CAPACITY, () -> { }));
        boolean offered1;
        boolean offered2;
        Integer polled;

        @Actor
        public void acceptor() {
            offered1 = handOff.offer(1);
        }

        @Actor
        public void loop() {
            offered2 = handOff.offer(2);
            polled = handOff.poll();
        }

        @Arbiter
        public void drain(IIII_Result r) {
            int[] seen = new int[3];
            count(polled, seen);
            for (int i = 0; i < 3; i++) {
                count(handOff.poll(), seen);
            }
            r.r1 = (offered1 ? 1 : 0) + (offered2 ? 1 : 0);
            r.r2 = seen[1];
            r.r3 = seen[2];
            r.r4 = polled == null ? 0 : 1;
        }
    }

    @JCStressTest
    @Outcome(id = "2, 1, 1, 1", expect = ACCEPTABLE, desc = "Both offers accepted, each connection taken exactly once, the loop's poll served.")
    @Outcome(expect = FORBIDDEN, desc = "A connection lost or taken twice, an offer refused with room for it, or the loop's poll empty after its own offer.")
    @State
    public static class FlawedSingleProducer {
        final HandOffSubject<Integer> handOff = wrapped(new SingleProducerHandOff<>(CAPACITY, () -> { }));
        boolean offered1;
        boolean offered2;
        Integer polled;

        @Actor
        public void acceptor() {
            offered1 = handOff.offer(1);
        }

        @Actor
        public void loop() {
            offered2 = handOff.offer(2);
            polled = handOff.poll();
        }

        @Arbiter
        public void drain(IIII_Result r) {
            int[] seen = new int[3];
            count(polled, seen);
            for (int i = 0; i < 3; i++) {
                count(handOff.poll(), seen);
            }
            r.r1 = (offered1 ? 1 : 0) + (offered2 ? 1 : 0);
            r.r2 = seen[1];
            r.r3 = seen[2];
            r.r4 = polled == null ? 0 : 1;
        }
    }
}
