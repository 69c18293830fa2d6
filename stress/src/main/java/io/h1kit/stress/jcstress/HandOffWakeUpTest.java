package io.h1kit.stress.jcstress;

import io.h1kit.stress.flawed.EarlyCheckHandOff;
import io.h1kit.stress.flawed.LateFlagHandOff;
import io.h1kit.stress.subject.HandOffSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The acceptor offers a connection while the loop, finding nothing to do, prepares to block in
 * select. Either the loop sees the connection and stays awake, or it decides to sleep and the
 * acceptor wakes it: a loop asleep with the connection waiting and no wake-up run is the lost
 * wake-up. Results: whether the loop decided to block (1), wake-ups run, items waiting. The
 * late-flag copy (the loop checks, then marks itself asleep) and the early-check copy (the
 * producer reads the mark, then publishes) both lose it, in a window of a few nanoseconds that a
 * short run hits only now and then; lincheck's model checker finds both every time.
 */
public class HandOffWakeUpTest {
    static final int CAPACITY = 2;

    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "The loop saw the connection and did not block; no wake-up needed.")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "A spare wake-up: the acceptor saw the loop's mark before the loop, seeing the connection, took it back.")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "The loop blocked and the acceptor woke it.")
    @Outcome(id = "1, 0, 1", expect = FORBIDDEN, desc = "Lost wake-up: the loop blocks with the connection waiting, and nothing wakes it.")
    @Outcome(expect = FORBIDDEN, desc = "The offer was refused or the item lost, or a wake-up ran twice.")
    @State
    public static class Fixed {
        int wakeups;
        final HandOffSubject<Integer> handOff = HandOffSubject.real(CAPACITY, () -> wakeups++);

        @Actor
        public void acceptor() {
            handOff.offer(1);
        }

        @Actor
        public void loop(III_Result r) {
            r.r1 = handOff.prepareToSleep() ? 1 : 0;
        }

        @Arbiter
        public void after(III_Result r) {
            r.r2 = wakeups;
            r.r3 = handOff.size();
        }
    }

    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "The loop saw the connection and did not block; no wake-up needed.")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "A spare wake-up: the acceptor saw the loop's mark before the loop, seeing the connection, took it back.")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "The loop blocked and the acceptor woke it.")
    @Outcome(id = "1, 0, 1", expect = FORBIDDEN, desc = "Lost wake-up: the loop blocks with the connection waiting, and nothing wakes it.")
    @Outcome(expect = FORBIDDEN, desc = "The offer was refused or the item lost, or a wake-up ran twice.")
    @State
    public static class FlawedLateFlag {
        int wakeups;
        final HandOffSubject<Integer> handOff = new LateFlagHandOff<>(CAPACITY, () -> wakeups++);

        @Actor
        public void acceptor() {
            handOff.offer(1);
        }

        @Actor
        public void loop(III_Result r) {
            r.r1 = handOff.prepareToSleep() ? 1 : 0;
        }

        @Arbiter
        public void after(III_Result r) {
            r.r2 = wakeups;
            r.r3 = handOff.size();
        }
    }

    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "The loop saw the connection and did not block; no wake-up needed.")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "A spare wake-up: the acceptor saw the loop's mark before the loop, seeing the connection, took it back.")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "The loop blocked and the acceptor woke it.")
    @Outcome(id = "1, 0, 1", expect = FORBIDDEN, desc = "Lost wake-up: the loop blocks with the connection waiting, and nothing wakes it.")
    @Outcome(expect = FORBIDDEN, desc = "The offer was refused or the item lost, or a wake-up ran twice.")
    @State
    public static class FlawedEarlyCheck {
        int wakeups;
        final HandOffSubject<Integer> handOff = new EarlyCheckHandOff<>(CAPACITY, () -> wakeups++);

        @Actor
        public void acceptor() {
            handOff.offer(1);
        }

        @Actor
        public void loop(III_Result r) {
            r.r1 = handOff.prepareToSleep() ? 1 : 0;
        }

        @Arbiter
        public void after(III_Result r) {
            r.r2 = wakeups;
            r.r3 = handOff.size();
        }
    }
}
