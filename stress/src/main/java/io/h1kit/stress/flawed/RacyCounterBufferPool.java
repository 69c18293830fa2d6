package io.h1kit.stress.flawed;

import io.h1kit.eventloop.BufferPool;
import io.h1kit.stress.subject.BufferPoolSubject;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flawed copy of {@link BufferPool}: the stack is guarded by the lock, but the acquired and
 * released counters, "only statistics", are counted outside it with a plain {@code ++} to keep the
 * critical section short. Two loops that acquire (or release) at once can both read the old count
 * and both write it plus one: the leak count on /server-status ({@code outstanding}) drifts, and a
 * real leak hides behind it or a leak is reported that does not exist.
 */
public final class RacyCounterBufferPool implements BufferPoolSubject {
    private final int bufferBytes;
    private final ByteBuffer[] stack;
    private final ReentrantLock lock = new ReentrantLock();
    private int pooled;
    private long allocated;
    private long acquired;
    private long released;
    private long discarded;

    public RacyCounterBufferPool(int bufferBytes, int maxPooled) {
        this.bufferBytes = bufferBytes;
        this.stack = new ByteBuffer[maxPooled];
    }

    @Override
    public ByteBuffer acquire() {
        acquired++; // BUG: not atomic, outside the lock
        ByteBuffer b;
        lock.lock();
        try {
            if (pooled == 0) {
                allocated++;
                b = null;
            } else {
                b = stack[--pooled];
                stack[pooled] = null;
            }
        } finally {
            lock.unlock();
        }
        return b == null ? ByteBuffer.allocateDirect(bufferBytes) : b.clear();
    }

    @Override
    public void release(ByteBuffer b) {
        if (!b.isDirect() || b.capacity() != bufferBytes) {
            throw new IllegalArgumentException("not a buffer of this pool: " + b);
        }
        lock.lock();
        try {
            if (released == acquired) {
                throw new IllegalStateException("more releases than acquisitions: a buffer released twice");
            }
            if (pooled == stack.length) {
                discarded++;
            } else {
                stack[pooled++] = b;
            }
        } finally {
            lock.unlock();
        }
        released++; // BUG: not atomic, outside the lock
    }

    @Override
    public BufferPool.Stats stats() {
        lock.lock();
        try {
            return new BufferPool.Stats(bufferBytes, stack.length, pooled, allocated, acquired, released, discarded);
        } finally {
            lock.unlock();
        }
    }
}
