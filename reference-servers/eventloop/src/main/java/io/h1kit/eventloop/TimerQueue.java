package io.h1kit.eventloop;

import java.util.Arrays;

/**
 * The timers of one event loop: a binary min-heap of {@link Timer}s by deadline (monotonic
 * milliseconds), each timer knowing its own index, so that a timer is moved or removed in
 * O(log n) without searching and without allocating.
 *
 * <p>Deadlines usually move later (every request pushes its connection's idle or header deadline
 * forward), so a later deadline is only written into the timer and the heap is left alone; when
 * the heap entry comes due, {@link #expire} finds the real deadline still ahead and re-queues the
 * timer at it. A keep-alive connection served thousands of times touches the heap once per
 * timeout period, not once per request (nginx's timer tree skips updates the same way, within
 * its {@code NGX_TIMER_LAZY_DELAY}).
 *
 * <p>Not thread-safe: one queue per loop, used by the loop's thread only.
 */
final class TimerQueue {
    /** A deadline that never comes: the timer is off. */
    static final long NEVER = Long.MAX_VALUE;
    private static final int INITIAL_CAPACITY = 64;

    /** One timer, reused for the life of its owner (one per connection). */
    static final class Timer {
        private final Runnable action;
        /** When the owner wants the action to run; NEVER when off. */
        private long deadline = NEVER;
        /** The heap's key: at or before {@link #deadline} while queued. */
        private long queuedAt;
        /** Index in the heap, or -1 when not queued. */
        private int index = -1;

        Timer(Runnable action) {
            this.action = action;
        }

        long deadline() {
            return deadline;
        }
    }

    private Timer[] heap = new Timer[INITIAL_CAPACITY];
    private int size;

    /** Sets {@code timer} to run at {@code deadline} (monotonic milliseconds), replacing its previous deadline. */
    void schedule(Timer timer, long deadline) {
        timer.deadline = deadline;
        if (deadline == NEVER) {
            return; // left in the heap if queued: expire() drops it when its entry comes due
        }
        if (timer.index < 0) {
            timer.queuedAt = deadline;
            push(timer);
        } else if (deadline < timer.queuedAt) {
            timer.queuedAt = deadline;
            siftUp(timer.index);
        }
        // else: later than its entry; expire() re-queues it when the entry comes due
    }

    /** Turns {@code timer} off; it stays queued until its entry comes due (see {@link #remove}). */
    void cancel(Timer timer) {
        timer.deadline = NEVER;
    }

    /** Turns {@code timer} off and takes it out of the heap at once: its owner is gone for good. */
    void remove(Timer timer) {
        timer.deadline = NEVER;
        int i = timer.index;
        if (i < 0) {
            return;
        }
        timer.index = -1;
        Timer last = heap[--size];
        heap[size] = null;
        if (i < size) {
            heap[i] = last;
            last.index = i;
            siftDown(i);
            siftUp(last.index);
        }
    }

    /**
     * Runs every timer whose deadline is at or before {@code now}, in deadline order; timers
     * scheduled by the actions for {@code now} or earlier run in the same call.
     *
     * @return how many actions ran
     */
    int expire(long now) {
        int ran = 0;
        while (size > 0 && heap[0].queuedAt <= now) {
            Timer t = heap[0];
            if (t.deadline <= now) {
                remove(t);
                ran++;
                t.action.run();
            } else if (t.deadline == NEVER) {
                remove(t);
            } else {
                t.queuedAt = t.deadline; // moved later since it was queued
                siftDown(0);
            }
        }
        return ran;
    }

    /** The earliest deadline queued (possibly of a timer since moved later), or {@link #NEVER}. */
    long nextDeadline() {
        return size == 0 ? NEVER : heap[0].queuedAt;
    }

    /** Timers in the heap (including ones turned off whose entries have not come due yet). */
    int size() {
        return size;
    }

    private void push(Timer timer) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = timer;
        timer.index = size;
        siftUp(size++);
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (p.queuedAt <= t.queuedAt) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = t;
        t.index = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].queuedAt < heap[child].queuedAt) {
                child = right;
            }
            if (t.queuedAt <= heap[child].queuedAt) {
                break;
            }
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = t;
        t.index = i;
    }
}
