package io.h1kit.threadpool;

import io.h1kit.server.BoundedQueue;
import io.h1kit.server.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed set of workers over a {@link BoundedQueue}: hand-off, visibility of what each holds, shutdown. */
@Timeout(30)
class WorkerPoolTest {
    private static final Duration BOUND = Eventually.BOUND;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Released at the end of each test, so that a failed test leaves no worker blocked. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<WorkerPool<?>> started = new ArrayList<>();

    @AfterEach
    void stopPools() throws InterruptedException {
        release.countDown();
        for (WorkerPool<?> pool : started) {
            pool.shutdown();
            pool.interrupt();
            assertTrue(pool.awaitTermination(BOUND));
        }
    }

    private <T> WorkerPool<T> start(String name, int workers, BoundedQueue<T> queue, BiConsumer<Integer, T> handler) {
        WorkerPool<T> pool = new WorkerPool<>(name + "-" + POOLS.incrementAndGet(), workers, queue, handler).start();
        started.add(pool);
        return pool;
    }

    @Test
    @DisplayName("4 workers, 10,000 elements through a queue of 8: each handled exactly once, by a worker of the pool")
    void everyElementHandledOnce() throws InterruptedException {
        BoundedQueue<Integer> queue = new BoundedQueue<>(8);
        Map<Integer, AtomicInteger> handled = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> byWorker = new ConcurrentHashMap<>();
        WorkerPool<Integer> pool = start("once", 4, queue, (worker, e) -> {
            handled.computeIfAbsent(e, k -> new AtomicInteger()).incrementAndGet();
            byWorker.computeIfAbsent(worker, k -> new AtomicInteger()).incrementAndGet();
        });
        for (int i = 0; i < 10_000; i++) {
            assertTrue(queue.put(i));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(BOUND));
        assertEquals(10_000, handled.size(), "lost elements");
        handled.forEach((e, n) -> assertEquals(1, n.get(), "element " + e + " handled " + n + " times"));
        assertTrue(byWorker.keySet().stream().allMatch(w -> w >= 0 && w < 4), byWorker.toString());
        assertEquals(10_000, byWorker.values().stream().mapToInt(AtomicInteger::get).sum());
    }

    @Test
    @DisplayName("current(i) shows the element worker i is handling, and null once it is done")
    void currentShowsWhatAWorkerHolds() throws InterruptedException {
        BoundedQueue<String> queue = new BoundedQueue<>(4);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger holder = new AtomicInteger(-1);
        WorkerPool<String> pool = start("current", 3, queue, (worker, e) -> {
            holder.set(worker);
            entered.countDown();
            await(release);
        });
        assertEquals(3, pool.size());
        for (int i = 0; i < 3; i++) {
            assertNull(pool.current(i), "idle before any work");
        }
        queue.offer("job");
        assertTrue(entered.await(BOUND.toSeconds(), TimeUnit.SECONDS));
        int w = holder.get();
        for (int i = 0; i < 3; i++) {
            assertEquals(i == w ? "job" : null, pool.current(i), "worker " + i);
        }
        release.countDown();
        Eventually.until("worker " + w + " is idle again", () -> pool.current(w) == null);
    }

    @Test
    @DisplayName("shutdown: no new work is accepted, queued work still runs, then every worker thread ends")
    void shutdownFinishesQueuedWork() throws InterruptedException {
        BoundedQueue<Integer> queue = new BoundedQueue<>(4);
        CountDownLatch entered = new CountDownLatch(1);
        List<Integer> handled = new CopyOnWriteArrayList<>();
        WorkerPool<Integer> pool = start("shutdown", 1, queue, (worker, e) -> {
            if (e == 0) {
                entered.countDown();
                await(release);
            }
            handled.add(e);
        });
        queue.offer(0);
        assertTrue(entered.await(BOUND.toSeconds(), TimeUnit.SECONDS));
        queue.offer(1);
        queue.offer(2);
        queue.offer(3);

        pool.shutdown();
        assertFalse(queue.offer(4), "closed to new work");
        assertFalse(pool.awaitTermination(Duration.ofMillis(50)), "a worker is still busy");
        assertFalse(pool.terminated());

        release.countDown();
        assertTrue(pool.awaitTermination(BOUND));
        assertTrue(pool.terminated());
        assertEquals(List.of(0, 1, 2, 3), handled, "what was queued before the shutdown ran, in order");
    }

    @Test
    @DisplayName("interrupt ends workers waiting for work on an open queue (the forced stop)")
    void interruptEndsIdleWorkers() throws InterruptedException {
        BoundedQueue<String> queue = new BoundedQueue<>(1);
        WorkerPool<String> pool = start("interrupt", 2, queue, (worker, e) -> { });
        Eventually.until("a worker waits for work", queue::hasWaitingTakers);
        pool.interrupt();
        assertTrue(pool.awaitTermination(BOUND));
        assertTrue(pool.terminated());
        assertFalse(queue.isClosed(), "the queue was never closed: the interrupt alone ended them");
    }

    @Test
    @DisplayName("a handler that throws does not cost the worker: the only worker handles the next element")
    void handlerExceptionDoesNotKillTheWorker() throws InterruptedException {
        BoundedQueue<String> queue = new BoundedQueue<>(4);
        List<String> handled = new CopyOnWriteArrayList<>();
        WorkerPool<String> pool = start("crash", 1, queue, (worker, e) -> {
            if (e.equals("bad")) {
                throw new IllegalStateException("a bug in one connection");
            }
            handled.add(worker + ":" + e);
        });
        queue.offer("bad");
        queue.offer("good");
        Eventually.until("the element after the crash is handled", () -> handled.contains("0:good"));
        assertNull(pool.current(0), "the crashed element is not shown as held");
        pool.shutdown();
        assertTrue(pool.awaitTermination(BOUND));
    }

    @Test
    @DisplayName("workers are named after the pool, and a pool starts once")
    void namesAndSingleStart() throws InterruptedException {
        BoundedQueue<String> queue = new BoundedQueue<>(1);
        WorkerPool<String> pool = start("named", 2, queue, (worker, e) -> { });
        String prefix = "named-" + POOLS.get() + "-worker-";
        Eventually.until("both workers run", () -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix)).count() == 2);
        assertThrows(IllegalStateException.class, pool::start);
        pool.shutdown();
        assertTrue(pool.awaitTermination(BOUND));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(prefix)));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND.toSeconds() * 2, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
