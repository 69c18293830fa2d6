package io.h1kit.stress.flawed;

import io.h1kit.server.BoundedQueue;
import io.h1kit.stress.subject.PoolSubject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Flawed worker pool: it stops on a shutdown flag of its own, kept beside the (real) queue, where
 * {@link io.h1kit.threadpool.WorkerPool} closes the queue. Two bugs follow from that one choice:
 * <ul>
 *   <li>the flag is a plain field, and idle workers wait for work by spinning on plain fields
 *       (to stay off the queue's lock): the JIT may read the flag once for the whole loop, so an
 *       idle worker never sees the shutdown and the pool never terminates;</li>
 *   <li>{@link #submit} checks the flag, then offers: a task offered after the workers saw the
 *       flag and left is accepted and never run.</li>
 * </ul>
 * Closing the queue fixes both: one lock covers the check and the insert, and close wakes the takers.
 */
public final class FlagWorkerPool implements PoolSubject {
    private final BoundedQueue<Integer> queue;
    private final IntConsumer handler;
    private final List<Thread> threads = new ArrayList<>();
    // BUG: not volatile, and read by idle workers in a loop that has no synchronization at all.
    private boolean shutdown;
    // How many tasks were ever accepted: idle workers watch it for a change (written under the lock).
    private int offered;

    public FlagWorkerPool(int workers, int capacity, IntConsumer handler) {
        this.queue = new BoundedQueue<>(capacity);
        this.handler = handler;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofPlatform().daemon().name("flawed-worker-" + i).start(this::work));
        }
    }

    @Override
    public boolean submit(int task) {
        // BUG: check-then-act; the workers may see the flag and leave before the offer below.
        if (shutdown) {
            return false;
        }
        if (!queue.offer(task)) {
            return false;
        }
        synchronized (this) {
            offered++;
        }
        return true;
    }

    private void work() {
        while (true) {
            Integer task;
            try {
                task = queue.poll(Duration.ZERO);
            } catch (InterruptedException e) {
                return;
            }
            if (task != null) {
                handler.accept(task);
                continue;
            }
            if (shutdown) {
                return; // nothing queued and stopping: done
            }
            int seen = offered;
            while (!shutdown && offered == seen) {
                // Idle: wait for the next submit without taking the queue's lock.
            }
        }
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean terminated() {
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
