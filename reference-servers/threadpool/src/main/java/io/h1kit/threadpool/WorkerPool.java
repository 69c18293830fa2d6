package io.h1kit.threadpool;

import io.h1kit.server.BoundedQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A fixed set of worker threads consuming a {@link BoundedQueue}: each takes an element, handles
 * it, and takes the next, until the queue is closed and empty. Written here rather than taken
 * from {@code java.util.concurrent} (it is stage 3's lesson, and the stress module's subject).
 *
 * <p>Shutdown is the queue's close: no element is accepted any more, the workers finish what is
 * queued, then end. What each worker holds is visible (for the status page) through
 * {@link #current(int)}. Thread-safe.
 *
 * @param <T> what the workers handle (stage 3: accepted connections)
 */
public final class WorkerPool<T> {
    private final BoundedQueue<T> queue;
    private final BiConsumer<Integer, T> handler;
    private final List<Thread> threads = new ArrayList<>();
    private final Object[] current;
    private final String name;

    /**
     * @param handler called on a worker thread with the worker's number and the element; its
     *                exceptions are the handler's to log, a worker survives them
     */
    public WorkerPool(String name, int workers, BoundedQueue<T> queue, BiConsumer<Integer, T> handler) {
        this.name = name;
        this.queue = queue;
        this.handler = handler;
        this.current = new Object[workers];
    }

    /** Starts the workers. */
    public synchronized WorkerPool<T> start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        for (int i = 0; i < current.length; i++) {
            int worker = i;
            threads.add(Thread.ofPlatform().name(name + "-worker-" + i).start(() -> work(worker)));
        }
        return this;
    }

    private void work(int worker) {
        while (true) {
            T item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return; // interrupted only by a forced stop
            }
            if (item == null) {
                return; // closed and drained
            }
            setCurrent(worker, item);
            try {
                handler.accept(worker, item);
            } catch (RuntimeException e) {
                // The handler logs its own failures; a bug in one connection must not cost a worker.
            } finally {
                setCurrent(worker, null);
            }
        }
    }

    public int size() {
        return current.length;
    }

    /** What worker {@code i} is handling now, or null when it is waiting for work. */
    @SuppressWarnings("unchecked")
    public T current(int i) {
        synchronized (current) {
            return (T) current[i];
        }
    }

    private void setCurrent(int worker, Object item) {
        synchronized (current) {
            current[worker] = item;
        }
    }

    /** Closes the queue: no new work; the workers finish what is queued, then end. */
    public void shutdown() {
        queue.close();
    }

    /**
     * Waits for every worker to end, up to {@code timeout}.
     *
     * @return true when all ended in time
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threadsSnapshot()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /** Interrupts workers still waiting for work (a forced stop after the grace period). */
    public void interrupt() {
        threadsSnapshot().forEach(Thread::interrupt);
    }

    /** Whether every worker has ended. */
    public boolean terminated() {
        return threadsSnapshot().stream().noneMatch(Thread::isAlive);
    }

    private synchronized List<Thread> threadsSnapshot() {
        return List.copyOf(threads);
    }
}
