package io.h1kit.stress.jcstress;

import io.h1kit.eventloop.BufferPool;
import io.h1kit.stress.flawed.CheckThenActBufferPool;
import io.h1kit.stress.flawed.RacyCounterBufferPool;
import io.h1kit.stress.subject.BufferPoolSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import java.nio.ByteBuffer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two loops release a buffer each at once into a pool with room for one: one is pooled, the other
 * discarded, and nothing is outstanding. Results: pooled, discarded, outstanding. The
 * check-then-act copy lets both see the free place and pools two, past its bound; the
 * racy-counter copy loses a release, and shows a leak that does not exist.
 */
public class BufferPoolReleaseTest {
    static final int BYTES = 16;
    static final int MAX_POOLED = 1;

    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "One buffer pooled, the other discarded, none outstanding.")
    @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "The pool grew past maxPooled.")
    @Outcome(expect = FORBIDDEN, desc = "The counters do not add up: a release lost or counted twice.")
    @State
    public static class Fixed {
        final BufferPoolSubject pool = BufferPoolSubject.real(BYTES, MAX_POOLED);
        final ByteBuffer first = pool.acquire();
        final ByteBuffer second = pool.acquire();

        @Actor
        public void loop1() {
            pool.release(first);
        }

        @Actor
        public void loop2() {
            pool.release(second);
        }

        @Arbiter
        public void statusPage(III_Result r) {
            BufferPool.Stats s = pool.stats();
            r.r1 = s.pooled();
            r.r2 = (int) s.discarded();
            r.r3 = (int) s.outstanding();
        }
    }

    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "One buffer pooled, the other discarded, none outstanding.")
    @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "The pool grew past maxPooled.")
    @Outcome(expect = FORBIDDEN, desc = "The counters do not add up: a release lost or counted twice.")
    @State
    public static class FlawedCheckThenAct {
        final BufferPoolSubject pool = new CheckThenActBufferPool(BYTES, MAX_POOLED);
        final ByteBuffer first = pool.acquire();
        final ByteBuffer second = pool.acquire();

        @Actor
        public void loop1() {
            pool.release(first);
        }

        @Actor
        public void loop2() {
            pool.release(second);
        }

        @Arbiter
        public void statusPage(III_Result r) {
            BufferPool.Stats s = pool.stats();
            r.r1 = s.pooled();
            r.r2 = (int) s.discarded();
            r.r3 = (int) s.outstanding();
        }
    }

    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "One buffer pooled, the other discarded, none outstanding.")
    @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "The pool grew past maxPooled.")
    @Outcome(expect = FORBIDDEN, desc = "The counters do not add up: a release lost or counted twice.")
    @State
    public static class FlawedRacyCounter {
        final BufferPoolSubject pool = new RacyCounterBufferPool(BYTES, MAX_POOLED);
        final ByteBuffer first = pool.acquire();
        final ByteBuffer second = pool.acquire();

        @Actor
        public void loop1() {
            pool.release(first);
        }

        @Actor
        public void loop2() {
            pool.release(second);
        }

        @Arbiter
        public void statusPage(III_Result r) {
            BufferPool.Stats s = pool.stats();
            r.r1 = s.pooled();
            r.r2 = (int) s.discarded();
            r.r3 = (int) s.outstanding();
        }
    }
}
