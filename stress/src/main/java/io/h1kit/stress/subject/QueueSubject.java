package io.h1kit.stress.subject;

import io.h1kit.server.BoundedQueue;

import java.time.Duration;
import java.util.List;

/**
 * A bounded FIFO queue as the stress tests see it: {@link BoundedQueue}'s operations, so that one
 * test body runs against the real queue and against each flawed copy of it. Thread-safe as the
 * implementation is (the flawed ones are not, on purpose).
 */
public interface QueueSubject<E> {
    boolean offer(E e);

    boolean put(E e) throws InterruptedException;

    E take() throws InterruptedException;

    /** Removes the oldest element, or null at once when there is none. */
    E poll();

    void close();

    List<E> drain();

    int size();

    int highWaterMark();

    /** The real queue of stage 3. */
    static <E> QueueSubject<E> real(int capacity) {
        BoundedQueue<E> q = new BoundedQueue<>(capacity);
        return new QueueSubject<>() {
            @Override
            public boolean offer(E e) {
                return q.offer(e);
            }

            @Override
            public boolean put(E e) throws InterruptedException {
                return q.put(e);
            }

            @Override
            public E take() throws InterruptedException {
                return q.take();
            }

            @Override
            public E poll() {
                try {
                    return q.poll(Duration.ZERO);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }

            @Override
            public void close() {
                q.close();
            }

            @Override
            public List<E> drain() {
                return q.drain();
            }

            @Override
            public int size() {
                return q.size();
            }

            @Override
            public int highWaterMark() {
                return q.highWaterMark();
            }
        };
    }
}
