package io.h1kit.stress.subject;

import io.h1kit.server.BoundedQueue;
import io.h1kit.threadpool.WorkerPool;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * A worker pool as the stress tests see it: tasks go in through {@link #submit}, workers hand each
 * to the handler, {@link #shutdown} stops intake and lets the workers finish what was accepted.
 * Stage 3 submits by offering to the pool's {@link BoundedQueue}; {@link #real} does the same.
 */
public interface PoolSubject {
    /** Queues a task; false when the pool no longer accepts work (or its queue is full). */
    boolean submit(int task);

    void shutdown();

    /** Waits up to {@code timeout} for every worker to end; true when they all did. */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** Whether every worker has ended (no waiting: lincheck's model checker lets a timed wait time out). */
    boolean terminated();

    /** The real pool of stage 3: {@code workers} threads over a queue of {@code capacity}, started. */
    static PoolSubject real(int workers, int capacity, IntConsumer handler) {
        BoundedQueue<Integer> queue = new BoundedQueue<>(capacity);
        WorkerPool<Integer> pool = new WorkerPool<>("stress", workers, queue,
                (worker, task) -> handler.accept(task)).start();
        return new PoolSubject() {
            @Override
            public boolean submit(int task) {
                return queue.offer(task);
            }

            @Override
            public void shutdown() {
                pool.shutdown();
            }

            @Override
            public boolean awaitTermination(Duration timeout) throws InterruptedException {
                return pool.awaitTermination(timeout);
            }

            @Override
            public boolean terminated() {
                return pool.terminated();
            }
        };
    }
}
