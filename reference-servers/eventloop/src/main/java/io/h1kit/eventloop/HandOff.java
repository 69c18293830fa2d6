package io.h1kit.eventloop;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue from the acceptor to one event loop, with the wake-up protocol of a selector loop:
 * any thread may {@link #offer}; the loop's own thread alone calls {@link #poll},
 * {@link #prepareToSleep} and {@link #awake}. The loop runs
 * <pre>{@code
 * if (handOff.prepareToSleep()) selector.select(timeout); else selector.selectNow();
 * handOff.awake();
 * for (T t; (t = handOff.poll()) != null; ) register(t);
 * }</pre>
 * and gives {@code selector::wakeup} as the wake-up. The wake-up must be sticky as that one is: run
 * before the loop blocks, it makes the loop's next select return at once.
 *
 * <p>The lost wake-up, and why this avoids it: if the loop checked for items and then blocked,
 * an offer between the two would find the loop "awake", skip the wake-up, and the item would wait
 * until some unrelated event. So the loop first publishes {@code sleeping} and then checks for
 * items; a producer first publishes its item and then reads {@code sleeping}. Both are volatile,
 * so in any interleaving one of them sees the other's write: either the loop sees the item and
 * does not block, or the producer sees the loop asleep and wakes it (Dekker's pattern; Netty's
 * {@code wakenUp}). The producer clears the flag as it wakes, so a burst of offers runs one
 * wake-up; a wake-up may be spare (the loop saw the item anyway), never missing.
 *
 * <p>Why a ring with one lock and not a lock-free MPSC array queue: the producer is one acceptor
 * at the rate connections arrive, so the lock is almost never contended; the consumer's common
 * case, an empty queue on every loop iteration, reads the volatile count and takes no lock; and a
 * locked ring is short enough to be obviously right, which the lesson wants more than the last
 * nanosecond.
 */
public final class HandOff<T> {
    /**
     * Items waiting for one loop at most: bounds the accepted sockets (file descriptors) parked in
     * front of a stalled loop, and is far above what one loop iteration sees from a healthy
     * acceptor, whose bursts the kernel's accept backlog (128 to 4,096) already limits.
     */
    public static final int DEFAULT_CAPACITY = 1_024;

    private final Object[] items;
    private final Runnable wakeup;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private int head;
    // Written under the lock only; read without it for the empty fast path and the sleep check.
    private volatile int count;
    private volatile boolean closed;

    public HandOff(Runnable wakeup) {
        this(DEFAULT_CAPACITY, wakeup);
    }

    public HandOff(int capacity, Runnable wakeup) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.items = new Object[capacity];
        this.wakeup = Objects.requireNonNull(wakeup, "wakeup");
    }

    /**
     * Queues {@code t} for the loop and wakes the loop if it is asleep or about to be. Any thread.
     *
     * @return false when full or closed (the caller still owns {@code t})
     */
    public boolean offer(T t) {
        Objects.requireNonNull(t, "a hand-off item cannot be null: null means empty to poll");
        lock.lock();
        try {
            if (closed || count == items.length) {
                return false;
            }
            items[(head + count) % items.length] = t;
            count = count + 1;
        } finally {
            lock.unlock();
        }
        // After the item is published: the loop either saw it, or set the flag before it looked.
        wakeIfSleeping();
        return true;
    }

    /** The oldest item, or null when there is none. The loop's thread only. */
    @SuppressWarnings("unchecked")
    public T poll() {
        if (count == 0) {
            return null;
        }
        lock.lock();
        try {
            if (count == 0) {
                return null;
            }
            T t = (T) items[head];
            items[head] = null;
            head = (head + 1) % items.length;
            count = count - 1;
            return t;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the loop asleep before it blocks in select. The loop's thread only.
     *
     * @return true: block (an offer from now on wakes the loop); false: items are waiting, do not
     *         block (the mark is undone)
     */
    public boolean prepareToSleep() {
        sleeping.set(true);
        // Read only after the flag is published: see the class comment.
        if (count != 0) {
            sleeping.set(false);
            return false;
        }
        return true;
    }

    /** Marks the loop awake after select returns, so offers stop waking it. The loop's thread only. */
    public void awake() {
        sleeping.set(false);
    }

    /**
     * Refuses further offers; what is queued stays pollable, so that the loop can close those
     * connections. Wakes the loop if it is asleep, so that it notices. Any thread.
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        wakeIfSleeping();
    }

    public boolean isClosed() {
        return closed;
    }

    public int size() {
        return count;
    }

    public int capacity() {
        return items.length;
    }

    private void wakeIfSleeping() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            wakeup.run();
        }
    }
}
