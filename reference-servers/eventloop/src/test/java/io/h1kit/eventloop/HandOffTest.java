package io.h1kit.eventloop;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptor-to-loop queue: its order and bound, close, and the wake-up protocol, first step by
 * step on one thread, then with real producers and a loop blocked in {@link Selector#select()}
 * with no timeout, where a lost wake-up hangs the test (and fails it at the timeout).
 */
@Timeout(30)
class HandOffTest {
    private final AtomicInteger wakeups = new AtomicInteger();
    private final Runnable countWakeup = wakeups::incrementAndGet;

    @Test
    @DisplayName("FIFO across the end of the ring; offer refuses when full; size follows")
    void fifoAndBound() {
        HandOff<Integer> h = new HandOff<>(3, countWakeup);
        List<Integer> polled = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 4; round++) {
            assertTrue(h.offer(next++));
            assertTrue(h.offer(next++));
            assertEquals(2, h.size());
            polled.add(h.poll());
            polled.add(h.poll());
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), polled);
        assertNull(h.poll());
        assertTrue(h.offer(8));
        assertTrue(h.offer(9));
        assertTrue(h.offer(10));
        assertFalse(h.offer(11), "full");
        assertEquals(3, h.size());
        assertEquals(3, h.capacity());
    }

    @Test
    @DisplayName("null items, a capacity below 1 and a null wake-up are refused")
    void refusesBadArguments() {
        HandOff<String> h = new HandOff<>(1, countWakeup);
        assertThrows(NullPointerException.class, () -> h.offer(null));
        assertThrows(IllegalArgumentException.class, () -> new HandOff<String>(0, countWakeup));
        assertThrows(NullPointerException.class, () -> new HandOff<String>(1, null));
        assertEquals(HandOff.DEFAULT_CAPACITY, new HandOff<String>(countWakeup).capacity());
    }

    @Test
    @DisplayName("an offer to an awake loop runs no wake-up")
    void awakeLoopIsNotWoken() {
        HandOff<String> h = new HandOff<>(4, countWakeup);
        assertTrue(h.offer("a"));
        assertEquals(0, wakeups.get());
    }

    @Test
    @DisplayName("a sleeping loop is woken once by a burst of offers, and not after it is awake")
    void sleepingLoopIsWokenOnce() {
        HandOff<String> h = new HandOff<>(4, countWakeup);
        assertTrue(h.prepareToSleep(), "empty: the loop may block");
        h.offer("a");
        h.offer("b");
        assertEquals(1, wakeups.get());
        h.awake();
        h.offer("c");
        assertEquals(1, wakeups.get());
        assertEquals("a", h.poll());
    }

    @Test
    @DisplayName("prepareToSleep with items waiting says do not block, and leaves the loop awake")
    void itemsWaitingPreventSleep() {
        HandOff<String> h = new HandOff<>(4, countWakeup);
        h.offer("a");
        assertFalse(h.prepareToSleep());
        h.offer("b");
        assertEquals(0, wakeups.get(), "the loop never slept, so nothing wakes it");
        assertEquals("a", h.poll());
        assertEquals("b", h.poll());
        assertTrue(h.prepareToSleep());
    }

    @Test
    @DisplayName("close refuses offers, keeps what is queued pollable, and wakes a sleeping loop")
    void closeKeepsQueuedItems() {
        HandOff<String> h = new HandOff<>(4, countWakeup);
        h.offer("a");
        h.poll();
        h.offer("b");
        assertFalse(h.prepareToSleep());
        h.awake();
        h.offer("c");
        assertEquals("b", h.poll());
        assertFalse(h.prepareToSleep());
        h.close();
        assertEquals(0, wakeups.get(), "awake loop: no wake-up needed");
        assertTrue(h.isClosed());
        assertFalse(h.offer("d"));
        assertEquals("c", h.poll());
        assertNull(h.poll());

        HandOff<String> asleep = new HandOff<>(4, countWakeup);
        assertTrue(asleep.prepareToSleep());
        asleep.close();
        assertEquals(1, wakeups.get(), "the sleeping loop must notice the close");
    }

    @Test
    @DisplayName("two producers and a loop blocked in select() with no timeout: every item arrives, in order per producer")
    void producersWakeBlockedSelector() throws IOException, InterruptedException {
        int producers = 2;
        int perProducer = 20_000;
        try (Selector selector = Selector.open()) {
            HandOff<int[]> h = new HandOff<>(8, selector::wakeup);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        while (!h.offer(new int[] {id, i})) {
                            Thread.onSpinWait();
                        }
                    }
                }));
            }
            int[] next = new int[producers];
            int received = 0;
            while (received < producers * perProducer) {
                if (h.prepareToSleep()) {
                    selector.select();
                } else {
                    selector.selectNow();
                }
                h.awake();
                for (int[] item; (item = h.poll()) != null; received++) {
                    assertEquals(next[item[0]]++, item[1], "producer " + item[0] + "'s items in order");
                }
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(perProducer, next[0]);
            assertEquals(perProducer, next[1]);
            assertNull(h.poll());
        }
    }
}
