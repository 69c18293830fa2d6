package io.h1kit.server.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * How these tests wait for another thread: poll a condition until it holds, within a bound, and
 * fail naming what never happened. The pause between polls only keeps a two-core CI machine's
 * server threads from starving; no test relies on how long it is.
 */
public final class Eventually {
    /** Generous: a slow CI machine, never a normal run, comes near it. */
    public static final Duration BOUND = Duration.ofSeconds(10);
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, condition::getAsBoolean, ok -> ok);
    }

    /** Polls {@code value} until {@code ok} accepts it, and returns that value. */
    public static <T> T until(String what, Supplier<T> value, Predicate<T> ok) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            T v = value.get();
            if (ok.test(v)) {
                return v;
            }
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + BOUND.toSeconds() + " s: " + what + "; last seen: " + v);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Waits until {@code t} blocks (WAITING or TIMED_WAITING) or ends; returns the state it reached. */
    public static Thread.State blockedOrEnded(Thread t) {
        return until(t.getName() + " blocks or ends", t::getState,
                s -> s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED);
    }
}
