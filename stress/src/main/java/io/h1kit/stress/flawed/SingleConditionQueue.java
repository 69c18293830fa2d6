package io.h1kit.stress.flawed;

import io.h1kit.stress.subject.QueueSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flawed copy of {@link io.h1kit.server.BoundedQueue}: producers and consumers wait on one
 * condition, and each change wakes a single waiter ({@code signal()}, Java's {@code notify}). With
 * two consumers and a producer waiting together, a consumer's signal meant for the producer can
 * wake the other consumer, which finds nothing and waits again: the producer is never woken, and
 * every thread waits for ever (a lost wake-up). Two conditions, or {@code signalAll}, fix it.
 */
public final class SingleConditionQueue<E> implements QueueSubject<E> {
    private final Object[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int head;
    private int count;
    private int highWaterMark;
    private boolean closed;

    public SingleConditionQueue(int capacity) {
        this.items = new Object[capacity];
    }

    @Override
    public boolean offer(E e) {
        lock.lock();
        try {
            if (closed || count == items.length) {
                return false;
            }
            enqueue(e);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean put(E e) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && count == items.length) {
                changed.await();
            }
            if (closed) {
                return false;
            }
            enqueue(e);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0 && !closed) {
                changed.await();
            }
            return count == 0 ? null : dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll() {
        lock.lock();
        try {
            return count == 0 ? null : dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<E> drain() {
        lock.lock();
        try {
            List<E> out = new ArrayList<>(count);
            while (count > 0) {
                out.add(dequeue());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int highWaterMark() {
        lock.lock();
        try {
            return highWaterMark;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(E e) {
        items[(head + count) % items.length] = e;
        count++;
        highWaterMark = Math.max(highWaterMark, count);
        // BUG: one waiter is woken, and it may be a producer (or a consumer when a producer was meant).
        changed.signal();
    }

    @SuppressWarnings("unchecked")
    private E dequeue() {
        E e = (E) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        // BUG: as in enqueue; the woken thread may be the other consumer, which waits again.
        changed.signal();
        return e;
    }
}
