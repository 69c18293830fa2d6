package io.h1kit.stress.jcstress;

import io.h1kit.eventloop.BufferPool;
import io.h1kit.stress.flawed.RacyCounterBufferPool;
import io.h1kit.stress.subject.BufferPoolSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.nio.ByteBuffer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two loops acquire at once from a pool holding two buffers: each gets its own, both from the
 * pool, and the counters say so. Results: whether both got the same buffer (1), then pooled,
 * allocated and outstanding. The racy-counter copy's {@code acquired++} outside the lock loses
 * one acquisition: outstanding reads 1 while two buffers are out.
 */
public class BufferPoolAcquireTest {
    static final int BYTES = 16;
    static final int MAX_POOLED = 2;

    /** A pool with {@code MAX_POOLED} buffers in it and none outstanding. */
    static BufferPoolSubject filled(BufferPoolSubject pool) {
        ByteBuffer a = pool.acquire();
        ByteBuffer b = pool.acquire();
        pool.release(a);
        pool.release(b);
        return pool;
    }

    @JCStressTest
    @Outcome(id = "0, 0, 2, 2", expect = ACCEPTABLE, desc = "Each loop got its own pooled buffer; two outstanding, none allocated since.")
    @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "One buffer handed to both loops at once.")
    @Outcome(expect = FORBIDDEN, desc = "The counters do not add up: an acquisition lost, or a buffer allocated while two were pooled.")
    @State
    public static class Fixed {
        final BufferPoolSubject pool = filled(BufferPoolSubject.real(BYTES, MAX_POOLED));
        ByteBuffer first;
        ByteBuffer second;

        @Actor
        public void loop1() {
            first = pool.acquire();
        }

        @Actor
        public void loop2() {
            second = pool.acquire();
        }

        @Arbiter
        public void statusPage(IIII_Result r) {
            BufferPool.Stats s = pool.stats();
            r.r1 = first == second ? 1 : 0;
            r.r2 = s.pooled();
            r.r3 = (int) s.allocated();
            r.r4 = (int) s.outstanding();
        }
    }

    @JCStressTest
    @Outcome(id = "0, 0, 2, 2", expect = ACCEPTABLE, desc = "Each loop got its own pooled buffer; two outstanding, none allocated since.")
    @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "One buffer handed to both loops at once.")
    @Outcome(expect = FORBIDDEN, desc = "The counters do not add up: an acquisition lost, or a buffer allocated while two were pooled.")
    @State
    public static class FlawedRacyCounter {
        final BufferPoolSubject pool = filled(new RacyCounterBufferPool(BYTES, MAX_POOLED));
        ByteBuffer first;
        ByteBuffer second;

        @Actor
        public void loop1() {
            first = pool.acquire();
        }

        @Actor
        public void loop2() {
            second = pool.acquire();
        }

        @Arbiter
        public void statusPage(IIII_Result r) {
            BufferPool.Stats s = pool.stats();
            r.r1 = first == second ? 1 : 0;
            r.r2 = s.pooled();
            r.r3 = (int) s.allocated();
            r.r4 = (int) s.outstanding();
        }
    }
}
