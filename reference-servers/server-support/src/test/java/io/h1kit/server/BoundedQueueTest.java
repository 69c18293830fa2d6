package io.h1kit.server;

import io.h1kit.server.testing.Eventually;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring buffer with one lock and two conditions: its order, its bound, and every way a thread
 * waits on it and is woken. A blocked thread is recognised by {@link BoundedQueue#hasWaitingTakers()}
 * or by its thread state, never by sleeping.
 */
@Timeout(30)
class BoundedQueueTest {
    private static final Duration JOIN = Eventually.BOUND;

    @Test
    @DisplayName("FIFO, across the end of the ring more than once")
    void fifoAcrossTheRingEnd() throws InterruptedException {
        BoundedQueue<Integer> q = new BoundedQueue<>(3);
        List<Integer> taken = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 5; round++) {
            assertTrue(q.offer(next++));
            assertTrue(q.offer(next++));
            taken.add(q.take());
            taken.add(q.take());
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), taken);
        assertEquals(0, q.size());
    }

    @Test
    @DisplayName("offer refuses once the capacity is reached, and the size never exceeds it")
    void offerRefusesWhenFull() throws InterruptedException {
        BoundedQueue<String> q = new BoundedQueue<>(2);
        assertEquals(2, q.capacity());
        assertTrue(q.offer("a"));
        assertTrue(q.offer("b"));
        assertFalse(q.offer("c"), "full");
        assertEquals(2, q.size());
        assertEquals("a", q.take());
        assertTrue(q.offer("d"), "a take made room");
        assertFalse(q.offer("e"));
        assertEquals(List.of("b", "d"), q.drain());
    }

    @Test
    @DisplayName("capacity below 1 and null elements are refused")
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedQueue<String>(0));
        BoundedQueue<String> q = new BoundedQueue<>(1);
        assertThrows(NullPointerException.class, () -> q.offer(null));
        assertThrows(NullPointerException.class, () -> q.put(null));
        assertEquals(0, q.size(), "null means closed and empty to a taker, so it never gets in");
    }

    @Test
    @DisplayName("put on a full queue blocks until a take frees a place, then adds at the tail")
    void putBlocksUntilTakeFreesRoom() throws InterruptedException {
        BoundedQueue<String> q = new BoundedQueue<>(2);
        q.offer("a");
        q.offer("b");
        AtomicReference<Boolean> put = new AtomicReference<>();
        Thread putter = Thread.ofPlatform().name("putter").start(() -> put.set(uninterrupted(() -> q.put("c"))));

        assertEquals(Thread.State.WAITING, Eventually.blockedOrEnded(putter), "put must wait while the queue is full");
        assertNull(put.get());
        assertEquals(2, q.size());

        assertEquals("a", q.take());
        assertTrue(putter.join(JOIN), "the take must wake the putter");
        assertTrue(put.get());
        assertEquals(List.of("b", "c"), q.drain());
    }

    @Test
    @DisplayName("a take blocked on an empty queue wakes when an element arrives")
    void blockedTakeWakesOnOffer() throws InterruptedException {
        BoundedQueue<String> q = new BoundedQueue<>(4);
        AtomicReference<String> got = new AtomicReference<>();
        Thread taker = Thread.ofPlatform().name("taker").start(() -> got.set(uninterrupted(q::take)));

        Eventually.until("the taker waits", q::hasWaitingTakers);
        assertTrue(q.offer("x"));
        assertTrue(taker.join(JOIN), "the offer must wake the taker");
        assertEquals("x", got.get());
        assertFalse(q.hasWaitingTakers());
    }

    @Test
    @DisplayName("three blocked takers, three offers: each taker wakes with its own element (no lost wake-up)")
    void everyBlockedTakerWakes() throws InterruptedException {
        BoundedQueue<Integer> q = new BoundedQueue<>(4);
        List<AtomicReference<Integer>> got = List.of(new AtomicReference<>(), new AtomicReference<>(), new AtomicReference<>());
        List<Thread> takers = new ArrayList<>();
        for (AtomicReference<Integer> slot : got) {
            takers.add(Thread.ofPlatform().name("taker-" + takers.size()).start(() -> slot.set(uninterrupted(q::take))));
        }
        for (Thread t : takers) {
            assertEquals(Thread.State.WAITING, Eventually.blockedOrEnded(t));
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(q.offer(i));
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            assertTrue(takers.get(i).join(JOIN), "taker " + i + " was never woken");
            seen.add(got.get(i).get());
        }
        assertEquals(Set.of(0, 1, 2), seen);
    }

    @Test
    @DisplayName("close: queued elements are still taken in order, then takes return null; offer and put refuse")
    void closeDrainsThenNull() throws InterruptedException {
        BoundedQueue<String> q = new BoundedQueue<>(3);
        q.offer("a");
        q.offer("b");
        q.close();
        assertTrue(q.isClosed());
        assertFalse(q.offer("c"));
        assertFalse(q.put("c"), "put on a closed queue with room refuses too");
        assertEquals("a", q.take());
        assertEquals("b", q.poll(Duration.ZERO));
        assertNull(q.take(), "closed and empty");
        assertNull(q.poll(Duration.ofSeconds(10)), "closed and empty: no wait");
    }

    @Test
    @DisplayName("close wakes a blocked taker (null) and a blocked putter (false), and keeps what was queued")
    void closeWakesBlockedThreads() throws InterruptedException {
        BoundedQueue<String> empty = new BoundedQueue<>(1);
        AtomicReference<String> taken = new AtomicReference<>("not woken");
        Thread taker = Thread.ofPlatform().name("taker").start(() -> taken.set(uninterrupted(empty::take)));
        Eventually.until("the taker waits", empty::hasWaitingTakers);

        BoundedQueue<String> full = new BoundedQueue<>(1);
        full.offer("queued");
        AtomicReference<Boolean> put = new AtomicReference<>();
        Thread putter = Thread.ofPlatform().name("putter").start(() -> put.set(uninterrupted(() -> full.put("late"))));
        assertEquals(Thread.State.WAITING, Eventually.blockedOrEnded(putter));

        empty.close();
        full.close();
        assertTrue(taker.join(JOIN), "close must wake the taker");
        assertTrue(putter.join(JOIN), "close must wake the putter");
        assertNull(taken.get());
        assertFalse(put.get());
        assertEquals(List.of("queued"), full.drain(), "the element queued before the close stays; the late one never got in");
    }

    @Test
    @DisplayName("a blocked take is interruptible (the worker pool's forced stop)")
    void takeIsInterruptible() throws InterruptedException {
        BoundedQueue<String> q = new BoundedQueue<>(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread taker = Thread.ofPlatform().name("taker").start(() -> {
            try {
                q.take();
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        Eventually.until("the taker waits", q::hasWaitingTakers);
        taker.interrupt();
        assertTrue(taker.join(JOIN));
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertTrue(q.offer("x"), "the queue is unharmed");
    }

    @Test
    @DisplayName("poll: an element at once, null after the timeout when empty, woken early by an offer")
    void pollTimeout() throws InterruptedException {
        BoundedQueue<String> q = new BoundedQueue<>(2);
        q.offer("a");
        assertEquals("a", q.poll(Duration.ofSeconds(10)), "no wait when an element is there");
        assertNull(q.poll(Duration.ZERO));

        Duration timeout = Duration.ofMillis(100);
        long start = System.nanoTime();
        assertNull(q.poll(timeout));
        assertTrue(System.nanoTime() - start >= timeout.toNanos(), "poll returned before its timeout");

        AtomicReference<String> got = new AtomicReference<>();
        Thread poller = Thread.ofPlatform().name("poller").start(() -> got.set(uninterrupted(() -> q.poll(Duration.ofMinutes(5)))));
        Eventually.until("the poller waits", q::hasWaitingTakers);
        q.offer("b");
        assertTrue(poller.join(JOIN), "the offer must wake a poll long before its timeout");
        assertEquals("b", got.get());
    }

    @Test
    @DisplayName("drain removes everything in order, and the queue goes on working after it")
    void drain() throws InterruptedException {
        BoundedQueue<Integer> q = new BoundedQueue<>(4);
        q.offer(0);
        q.offer(1);
        q.take(); // the head is now in the middle of the ring
        q.offer(2);
        q.offer(3);
        q.offer(4);
        assertEquals(List.of(1, 2, 3, 4), q.drain());
        assertEquals(0, q.size());
        assertEquals(List.of(), q.drain());
        assertTrue(q.offer(5));
        assertEquals(5, q.take());
    }

    @Test
    @DisplayName("the high-water mark is the most elements ever held at once")
    void highWaterMark() throws InterruptedException {
        BoundedQueue<Integer> q = new BoundedQueue<>(10);
        assertEquals(0, q.highWaterMark());
        q.offer(1);
        q.offer(2);
        q.offer(3);
        q.take();
        q.take();
        q.offer(4);
        assertEquals(3, q.highWaterMark(), "it never goes down");
        q.drain();
        assertEquals(3, q.highWaterMark());
        for (int i = 0; i < 10; i++) {
            q.put(i);
        }
        assertEquals(10, q.highWaterMark());
    }

    @Test
    @DisplayName("4 producers and 4 consumers through a queue of 16: 100,000 elements, none lost or duplicated, each producer's in order")
    void concurrentProducersAndConsumers() throws InterruptedException {
        int producers = 4;
        int perProducer = 25_000;
        BoundedQueue<Integer> q = new BoundedQueue<>(16);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * perProducer;
            threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    int e = base + i;
                    if (!uninterrupted(() -> q.put(e))) {
                        throw new AssertionError("put refused on an open queue");
                    }
                }
            }));
        }
        List<List<Integer>> consumed = new ArrayList<>();
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            List<Integer> mine = new ArrayList<>();
            consumed.add(mine);
            consumers.add(Thread.ofPlatform().name("consumer-" + c).start(() -> {
                Integer e;
                while ((e = uninterrupted(q::take)) != null) {
                    mine.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            assertTrue(t.join(Duration.ofSeconds(20)), t.getName() + " did not finish");
        }
        q.close();
        for (Thread t : consumers) {
            assertTrue(t.join(Duration.ofSeconds(20)), t.getName() + " did not finish");
        }

        boolean[] seen = new boolean[producers * perProducer];
        int total = 0;
        for (List<Integer> mine : consumed) {
            int[] last = {-1, -1, -1, -1};
            for (int e : mine) {
                assertFalse(seen[e], "duplicated: " + e);
                seen[e] = true;
                total++;
                int producer = e / perProducer;
                assertTrue(e > last[producer], "FIFO: one producer's elements reach a consumer in order");
                last[producer] = e;
            }
        }
        assertEquals(producers * perProducer, total, "lost elements");
        assertTrue(q.highWaterMark() <= 16, "never past the bound: " + q.highWaterMark());
    }

    /** A blocking call on a test thread, which nothing interrupts. */
    private interface Blocking<T> {
        T call() throws InterruptedException;
    }

    private static <T> T uninterrupted(Blocking<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted", e);
        }
    }
}
