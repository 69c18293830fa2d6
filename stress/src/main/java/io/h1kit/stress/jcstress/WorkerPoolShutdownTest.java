package io.h1kit.stress.jcstress;

import io.h1kit.stress.flawed.FlagWorkerPool;
import io.h1kit.stress.subject.PoolSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The server submits two tasks to a one-worker pool and waits for it to terminate; the shutdown
 * comes meanwhile. The pool must terminate, having run every task it accepted. The flawed pool's
 * idle worker spins on a plain shutdown flag: once the JIT compiles the spin, it reads the flag
 * once, and the worker (and the waiting server) never ends.
 */
public class WorkerPoolShutdownTest {
    private static final int WORKERS = 1;
    private static final int CAPACITY = 4;
    /** Longer than any run: a pool that does not terminate shows as STALE, not as a timed-out wait. */
    private static final Duration FOREVER = Duration.ofDays(1);

    /** Submits two tasks and waits for the pool to end; fails if an accepted task never ran. */
    static void submitAndAwait(PoolSubject pool, AtomicInteger handled) throws InterruptedException {
        int accepted = (pool.submit(1) ? 1 : 0) + (pool.submit(2) ? 1 : 0);
        if (!pool.awaitTermination(FOREVER)) {
            throw new IllegalStateException("pool did not terminate");
        }
        if (handled.get() != accepted) {
            throw new IllegalStateException(accepted + " tasks accepted, " + handled.get() + " run");
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The worker saw the shutdown, ran what was accepted, and ended.")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "A worker never saw the shutdown: the pool never terminates.")
    @Outcome(expect = FORBIDDEN, desc = "An accepted task never ran, or the wait failed.")
    @State
    public static class Fixed {
        final AtomicInteger handled = new AtomicInteger();
        final PoolSubject pool = PoolSubject.real(WORKERS, CAPACITY, task -> handled.incrementAndGet());

        @Actor
        public void server() throws InterruptedException {
            submitAndAwait(pool, handled);
        }

        @Signal
        public void shutdown() {
            pool.shutdown();
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The worker saw the shutdown, ran what was accepted, and ended.")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "A worker never saw the shutdown: the pool never terminates.")
    @Outcome(expect = FORBIDDEN, desc = "An accepted task never ran, or the wait failed.")
    @State
    public static class FlawedPlainFlag {
        final AtomicInteger handled = new AtomicInteger();
        final PoolSubject pool = new FlagWorkerPool(WORKERS, CAPACITY, task -> handled.incrementAndGet());

        @Actor
        public void server() throws InterruptedException {
            submitAndAwait(pool, handled);
        }

        @Signal
        public void shutdown() {
            pool.shutdown();
        }
    }
}
