package io.h1kit.stress.flawed;

import io.h1kit.stress.subject.QueueSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flawed copy of {@link io.h1kit.server.BoundedQueue}: {@link #offer} checks for room, lets
 * the lock go, and then inserts. Two producers can both see the last free slot and both insert:
 * the capacity is exceeded and the ring buffer overwrites an element (lost), whose slot is then
 * read twice (duplicated, or null). Everything else is as in the real queue.
 */
public final class CheckThenActQueue<E> implements QueueSubject<E> {
    private final Object[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int head;
    private int count;
    private int highWaterMark;
    private boolean closed;

    public CheckThenActQueue(int capacity) {
        this.items = new Object[capacity];
    }

    @Override
    public boolean offer(E e) {
        // BUG: check-then-act. The test for room is made under the lock that size() takes, but the
        // insert below takes the lock again: another producer may fill the slot in between.
        if (isClosed() || size() == items.length) {
            return false;
        }
        lock.lock();
        try {
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
                notFull.await();
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
                notEmpty.await();
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
            notEmpty.signalAll();
            notFull.signalAll();
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

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(E e) {
        items[(head + count) % items.length] = e;
        count++;
        highWaterMark = Math.max(highWaterMark, count);
        notEmpty.signal();
    }

    @SuppressWarnings("unchecked")
    private E dequeue() {
        E e = (E) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        notFull.signal();
        return e;
    }
}
