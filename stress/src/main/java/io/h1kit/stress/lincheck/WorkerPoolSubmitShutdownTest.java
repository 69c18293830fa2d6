package io.h1kit.stress.lincheck;

import io.h1kit.stress.flawed.FlagWorkerPool;
import io.h1kit.stress.subject.PoolSubject;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntConsumer;

/**
 * Tasks are submitted to a running two-worker pool while it is shut down: a submit succeeds
 * exactly when it comes before the shutdown, and after the pool terminates every accepted task
 * has run, once (checked after each scenario). The flawed pool checks its flag, then queues: a
 * task queued after the workers saw the flag and left is accepted and never runs.
 */
@Param(name = "task", gen = IntGen.class, conf = "1:9")
public abstract class WorkerPoolSubmitShutdownTest {
    static final int WORKERS = 2;
    /** More than the calls of any scenario: a refusal can only mean "shut down". */
    static final int CAPACITY = 64;
    /** How long the check after a scenario waits for the workers; they end in microseconds. */
    static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration TERMINATION_SLICE = Duration.ofMillis(100);

    private final ConcurrentLinkedQueue<Integer> accepted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> ran = new ConcurrentLinkedQueue<>();
    private final PoolSubject pool = newPool(WORKERS, CAPACITY, ran::add);

    protected abstract PoolSubject newPool(int workers, int capacity, IntConsumer handler);

    @Operation
    public boolean submit(@Param(name = "task") int task) {
        boolean ok = pool.submit(task);
        if (ok) {
            accepted.add(task);
        }
        return ok;
    }

    @Operation(runOnce = true)
    public void shutdown() {
        pool.shutdown();
    }

    /**
     * Shuts the pool down (again), waits for it, and compares what ran with what was accepted. The
     * wait is a loop of short timed waits: the model checker may let any timed wait time out, and
     * a single one would then report a pool that merely had not been scheduled yet.
     */
    @Validate
    public void everyAcceptedTaskRanOnce() throws InterruptedException {
        pool.shutdown();
        long deadline = System.nanoTime() + TERMINATION_TIMEOUT.toNanos();
        while (!pool.awaitTermination(TERMINATION_SLICE)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the pool did not terminate within " + TERMINATION_TIMEOUT);
            }
        }
        List<Integer> want = sorted(accepted);
        List<Integer> got = sorted(ran);
        if (!want.equals(got)) {
            throw new IllegalStateException("accepted " + want + " but ran " + got);
        }
    }

    private static List<Integer> sorted(ConcurrentLinkedQueue<Integer> tasks) {
        List<Integer> list = new ArrayList<>(tasks);
        Collections.sort(list);
        return list;
    }

    /** What this test adds to the runner's options: its sequential specification, and scenarios. */
    public static void configure(Options<?, ?> options) {
        options.sequentialSpecification(Specification.class);
    }

    /** A pool that accepts until it is shut down, one call at a time. */
    public static final class Specification {
        private boolean shutdown;

        public boolean submit(int task) {
            return !shutdown;
        }

        public void shutdown() {
            shutdown = true;
        }
    }

    /** The real {@link io.h1kit.threadpool.WorkerPool}, fed through its BoundedQueue. */
    public static final class Fixed extends WorkerPoolSubmitShutdownTest {
        @Override
        protected PoolSubject newPool(int workers, int capacity, IntConsumer handler) {
            return PoolSubject.real(workers, capacity, handler);
        }
    }

    /** {@link FlagWorkerPool}: a shutdown flag beside the queue, checked apart from the offer. */
    public static final class FlawedPlainFlag extends WorkerPoolSubmitShutdownTest {
        @Override
        protected PoolSubject newPool(int workers, int capacity, IntConsumer handler) {
            return new FlagWorkerPool(workers, capacity, handler);
        }
    }
}
