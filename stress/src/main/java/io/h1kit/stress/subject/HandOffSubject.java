package io.h1kit.stress.subject;

import io.h1kit.eventloop.HandOff;

/**
 * The acceptor-to-loop queue as the stress tests see it: {@link HandOff}'s operations, so that one
 * test body runs against the real hand-off of stage 4 and against each flawed copy of it. Any
 * thread offers and closes; one consumer thread polls, prepares to sleep and wakes.
 */
public interface HandOffSubject<T> {
    boolean offer(T t);

    T poll();

    boolean prepareToSleep();

    void awake();

    void close();

    int size();

    /** The real hand-off of stage 4. */
    static <T> HandOffSubject<T> real(int capacity, Runnable wakeup) {
        HandOff<T> h = new HandOff<>(capacity, wakeup);
        return new HandOffSubject<>() {
            @Override
            public boolean offer(T t) {
                return h.offer(t);
            }

            @Override
            public T poll() {
                return h.poll();
            }

            @Override
            public boolean prepareToSleep() {
                return h.prepareToSleep();
            }

            @Override
            public void awake() {
                h.awake();
            }

            @Override
            public void close() {
                h.close();
            }

            @Override
            public int size() {
                return h.size();
            }
        };
    }
}
