package io.h1kit.stress.flawed;

import io.h1kit.eventloop.BufferPool;
import io.h1kit.stress.subject.BufferPoolSubject;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flawed copy of {@link BufferPool}: {@link #release} checks whether the pool has room, lets the
 * lock go, and then pushes. Two loops releasing at once can both see the last free place and both
 * push: the pool grows past {@code maxPooled}, and under a burst of releases its pooled direct
 * memory is bounded by nothing. Everything else is as in the real pool (less its double-release
 * check, which this copy is not about).
 */
public final class CheckThenActBufferPool implements BufferPoolSubject {
    private final int bufferBytes;
    private final int maxPooled;
    private final ArrayDeque<ByteBuffer> stack = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private long allocated;
    private long acquired;
    private long released;
    private long discarded;

    public CheckThenActBufferPool(int bufferBytes, int maxPooled) {
        this.bufferBytes = bufferBytes;
        this.maxPooled = maxPooled;
    }

    @Override
    public ByteBuffer acquire() {
        ByteBuffer b;
        lock.lock();
        try {
            acquired++;
            b = stack.pollLast();
            if (b == null) {
                allocated++;
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
        // BUG: check-then-act. The room is checked under the lock that stats() takes, but the push
        // below takes the lock again: another release may take the last place in between.
        boolean full = stats().pooled() >= maxPooled;
        lock.lock();
        try {
            if (released == acquired) {
                throw new IllegalStateException("more releases than acquisitions: a buffer released twice");
            }
            released++;
            if (full) {
                discarded++;
            } else {
                stack.addLast(b);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public BufferPool.Stats stats() {
        lock.lock();
        try {
            return new BufferPool.Stats(bufferBytes, maxPooled, stack.size(), allocated, acquired, released, discarded);
        } finally {
            lock.unlock();
        }
    }
}
