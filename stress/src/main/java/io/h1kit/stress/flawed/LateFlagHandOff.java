package io.h1kit.stress.flawed;

import io.h1kit.eventloop.HandOff;
import io.h1kit.stress.subject.HandOffSubject;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flawed copy of {@link HandOff}: {@link #prepareToSleep} checks for items first and publishes
 * "sleeping" after. An offer that lands between the two finds the loop awake and runs no wake-up;
 * the loop then marks itself asleep and blocks in select with an accepted connection waiting in
 * the queue, until some unrelated event (or never, on an idle server): the lost wake-up. Everything
 * else is as in the real hand-off.
 */
public final class LateFlagHandOff<T> implements HandOffSubject<T> {
    private final Object[] items;
    private final Runnable wakeup;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private int head;
    private volatile int count;
    private volatile boolean closed;

    public LateFlagHandOff(int capacity, Runnable wakeup) {
        this.items = new Object[capacity];
        this.wakeup = wakeup;
    }

    @Override
    public boolean offer(T t) {
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
        wakeIfSleeping();
        return true;
    }

    @Override
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

    @Override
    public boolean prepareToSleep() {
        // BUG: checks, then publishes. An offer between the two lines sees the loop awake.
        if (count != 0) {
            return false;
        }
        sleeping.set(true);
        return true;
    }

    @Override
    public void awake() {
        sleeping.set(false);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        wakeIfSleeping();
    }

    @Override
    public int size() {
        return count;
    }

    private void wakeIfSleeping() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            wakeup.run();
        }
    }
}
