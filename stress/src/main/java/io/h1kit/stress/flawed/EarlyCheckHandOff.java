package io.h1kit.stress.flawed;

import io.h1kit.eventloop.HandOff;
import io.h1kit.stress.subject.HandOffSubject;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flawed copy of {@link HandOff}: {@link #offer} reads "sleeping" before it publishes the item
 * (to decide early, outside the lock, whether a wake-up will be needed). The loop can mark itself
 * asleep and find the queue still empty between the producer's read and its insert: the producer
 * saw the loop awake, the loop saw no item, and the loop blocks in select with the connection
 * waiting: the lost wake-up, from the producer's side. Everything else is as in the real hand-off.
 */
public final class EarlyCheckHandOff<T> implements HandOffSubject<T> {
    private final Object[] items;
    private final Runnable wakeup;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private int head;
    private volatile int count;
    private volatile boolean closed;

    public EarlyCheckHandOff(int capacity, Runnable wakeup) {
        this.items = new Object[capacity];
        this.wakeup = wakeup;
    }

    @Override
    public boolean offer(T t) {
        boolean wasSleeping = sleeping.get(); // BUG: read before the item is published
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
        if (wasSleeping && sleeping.compareAndSet(true, false)) {
            wakeup.run();
        }
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
        sleeping.set(true);
        if (count != 0) {
            sleeping.set(false);
            return false;
        }
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
