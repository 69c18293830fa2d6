package io.h1kit.stress.flawed;

import io.h1kit.eventloop.HandOff;
import io.h1kit.stress.subject.HandOffSubject;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Flawed copy of {@link HandOff}: a lock-free single-producer ring (volatile head and tail, the
 * element published by the write of the tail), correct while the acceptor is the only producer,
 * used where the API allows several (a second acceptor, or a loop handing a connection to
 * another). Two producers read the same tail, write the same slot and both move the tail to the
 * same place: one connection is lost, and both offers said true. The wake-up protocol is the real
 * one.
 */
public final class SingleProducerHandOff<T> implements HandOffSubject<T> {
    private final Object[] items;
    private final Runnable wakeup;
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private volatile long head;
    private volatile long tail;
    private volatile boolean closed;

    public SingleProducerHandOff(int capacity, Runnable wakeup) {
        this.items = new Object[capacity];
        this.wakeup = wakeup;
    }

    @Override
    public boolean offer(T t) {
        if (closed) {
            return false;
        }
        // BUG: read, then write: another producer may read the same tail before this one moves it.
        long tl = tail;
        if (tl - head == items.length) {
            return false;
        }
        items[(int) (tl % items.length)] = t;
        tail = tl + 1;
        wakeIfSleeping();
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T poll() {
        long h = head;
        if (h == tail) {
            return null;
        }
        int i = (int) (h % items.length);
        T t = (T) items[i];
        items[i] = null;
        head = h + 1;
        return t;
    }

    @Override
    public boolean prepareToSleep() {
        sleeping.set(true);
        if (tail != head) {
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
        closed = true;
        wakeIfSleeping();
    }

    @Override
    public int size() {
        return (int) (tail - head);
    }

    private void wakeIfSleeping() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            wakeup.run();
        }
    }
}
