package io.h1kit.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO queue for producer-consumer hand-off: the classic ring buffer guarded by one lock
 * with two conditions, written here rather than taken from {@code java.util.concurrent} because it
 * is the lesson of stage 3 (and what the stress module checks with jcstress and lincheck).
 *
 * <p>Why two conditions: producers wait for "not full" and consumers for "not empty". With one
 * condition (or one monitor and {@code notify}), a signal meant for a consumer can wake a producer,
 * which goes back to sleep, and the consumer that should have run never wakes: a lost wake-up.
 * Every check of the state is made under the lock, so no check-then-act race exists between the
 * test for space and the insert.
 *
 * <p>Closing the queue refuses new elements; consumers still take what is queued, then get null.
 * Thread-safe.
 */
public final class BoundedQueue<E> {
    private final Object[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int head;
    private int count;
    private int highWaterMark;
    private boolean closed;

    public BoundedQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.items = new Object[capacity];
    }

    /** Adds {@code e} if there is room; false when full or closed. Never blocks. */
    public boolean offer(E e) {
        requireElement(e);
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

    /**
     * Adds {@code e}, waiting while the queue is full.
     *
     * @return false when the queue is (or becomes) closed before there is room
     */
    public boolean put(E e) throws InterruptedException {
        requireElement(e);
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

    /**
     * Removes the oldest element, waiting while the queue is empty and open.
     *
     * @return the element, or null when the queue is closed and empty
     */
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

    /**
     * Removes the oldest element, waiting up to {@code timeout} while the queue is empty and open.
     *
     * @return the element, or null when none came in time or the queue is closed and empty
     */
    public E poll(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (count == 0 && !closed) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return count == 0 ? null : dequeue();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further elements and wakes every waiting thread; queued elements can still be taken. */
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

    /** Removes and returns everything queued (for a forced shutdown). */
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

    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return items.length;
    }

    /** The most elements the queue ever held at once: how close to overload the server came. */
    public int highWaterMark() {
        lock.lock();
        try {
            return highWaterMark;
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a consumer is waiting for an element: lets a test know a taker is blocked, without sleeping. */
    public boolean hasWaitingTakers() {
        lock.lock();
        try {
            return lock.hasWaiters(notEmpty);
        } finally {
            lock.unlock();
        }
    }

    // Called with the lock held.
    private void enqueue(E e) {
        items[(head + count) % items.length] = e;
        count++;
        highWaterMark = Math.max(highWaterMark, count);
        notEmpty.signal();
    }

    // Called with the lock held and count > 0.
    @SuppressWarnings("unchecked")
    private E dequeue() {
        E e = (E) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        notFull.signal();
        return e;
    }

    private static void requireElement(Object e) {
        if (e == null) {
            throw new NullPointerException("a queue element cannot be null: null means closed and empty");
        }
    }
}
