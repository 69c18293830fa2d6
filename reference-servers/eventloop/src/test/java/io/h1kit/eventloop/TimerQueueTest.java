package io.h1kit.eventloop;

import io.h1kit.server.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's timer heap, driven by a fake clock: order, moves, cancels, and the select timeout it gives. */
class TimerQueueTest {
    private final FakeClock clock = new FakeClock(0);
    private final TimerQueue timers = new TimerQueue();
    private final List<String> fired = new ArrayList<>();

    private TimerQueue.Timer timer(String name) {
        return new TimerQueue.Timer(() -> fired.add(name));
    }

    private long in(long millis) {
        return clock.monotonicMillis() + millis;
    }

    private void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
        timers.expire(clock.monotonicMillis());
    }

    @Test
    @DisplayName("timers fire in deadline order, each once, and only when the clock reaches them")
    void firesInOrder() {
        TimerQueue.Timer a = timer("a");
        TimerQueue.Timer b = timer("b");
        TimerQueue.Timer c = timer("c");
        timers.schedule(c, in(300));
        timers.schedule(a, in(100));
        timers.schedule(b, in(200));
        assertEquals(in(100), timers.nextDeadline());
        advance(99);
        assertEquals(List.of(), fired);
        advance(1);
        assertEquals(List.of("a"), fired);
        advance(500);
        assertEquals(List.of("a", "b", "c"), fired);
        assertEquals(TimerQueue.NEVER, timers.nextDeadline());
        assertEquals(0, timers.size());
    }

    @Test
    @DisplayName("a deadline moved later fires at the later time, without a heap update per move")
    void movedLater() {
        TimerQueue.Timer a = timer("a");
        timers.schedule(a, in(100));
        for (int i = 0; i < 1_000; i++) {
            timers.schedule(a, in(100 + i)); // what a busy keep-alive connection does per request
        }
        assertEquals(1, timers.size());
        advance(100);
        assertEquals(List.of(), fired, "the entry came due, the real deadline had moved on");
        assertEquals(in(999), timers.nextDeadline());
        advance(999);
        assertEquals(List.of("a"), fired);
    }

    @Test
    @DisplayName("a deadline moved earlier fires at the earlier time")
    void movedEarlier() {
        TimerQueue.Timer a = timer("a");
        TimerQueue.Timer b = timer("b");
        timers.schedule(a, in(1_000));
        timers.schedule(b, in(500));
        timers.schedule(a, in(10));
        assertEquals(in(10), timers.nextDeadline());
        advance(10);
        assertEquals(List.of("a"), fired);
    }

    @Test
    @DisplayName("a cancelled timer never fires; a removed one leaves the heap at once")
    void cancelAndRemove() {
        TimerQueue.Timer a = timer("a");
        TimerQueue.Timer b = timer("b");
        TimerQueue.Timer c = timer("c");
        timers.schedule(a, in(100));
        timers.schedule(b, in(100));
        timers.schedule(c, in(100));
        timers.cancel(a);
        timers.remove(b);
        assertEquals(2, timers.size(), "cancel is lazy, remove is not");
        advance(100);
        assertEquals(List.of("c"), fired);
        assertEquals(0, timers.size());
    }

    @Test
    @DisplayName("an action may schedule its own timer again (a connection's next deadline)")
    void rescheduleFromAction() {
        List<Long> at = new ArrayList<>();
        TimerQueue.Timer[] self = new TimerQueue.Timer[1];
        self[0] = new TimerQueue.Timer(() -> {
            at.add(clock.monotonicMillis());
            if (at.size() < 3) {
                timers.schedule(self[0], in(50));
            }
        });
        timers.schedule(self[0], in(50));
        for (int i = 0; i < 10; i++) {
            advance(50);
        }
        assertEquals(3, at.size());
        assertEquals(List.of(at.get(0), at.get(0) + 50, at.get(0) + 100), at);
    }

    @Test
    @DisplayName("10,000 timers with random moves and removals fire in deadline order, none lost")
    void randomised() {
        Random random = new Random(7);
        List<long[]> firedAt = new ArrayList<>();
        TimerQueue.Timer[] all = new TimerQueue.Timer[10_000];
        long[] deadline = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            int id = i;
            all[i] = new TimerQueue.Timer(() -> firedAt.add(new long[] {id, clock.monotonicMillis()}));
            deadline[i] = in(1 + random.nextInt(10_000));
            timers.schedule(all[i], deadline[i]);
        }
        int removed = 0;
        for (int i = 0; i < all.length; i += 7) {
            if (random.nextBoolean()) {
                timers.remove(all[i]);
                deadline[i] = TimerQueue.NEVER;
                removed++;
            } else {
                deadline[i] = in(1 + random.nextInt(10_000));
                timers.schedule(all[i], deadline[i]);
            }
        }
        for (int t = 0; t < 10_001; t++) {
            advance(1);
        }
        assertEquals(all.length - removed, firedAt.size());
        for (long[] f : firedAt) {
            assertEquals(deadline[(int) f[0]], f[1], "timer " + f[0] + " fired at its deadline");
        }
        assertTrue(timers.size() == 0);
    }
}
