package io.h1kit.eventloop;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pool of direct buffers of one size, shared by every event loop: a loop takes a buffer
 * when a connection has bytes to read or write and gives it back when the buffer is empty again,
 * so that idle connections hold no buffer and the server does not allocate one per read.
 * Thread-safe.
 *
 * <p>Why one lock and not a lock-free Treiber stack: the critical section is a few stores (pop or
 * push on an array stack and four counters), so the lock is held for nanoseconds and rarely
 * contended by a handful of loops; and one lock keeps the stack, the pooled count and the counters
 * in agreement, so that {@link #stats()} is one exact snapshot and the bound is never passed even
 * for a moment. A Treiber stack would need a node allocated per release (the churn the pool is
 * there to avoid), since a {@code ByteBuffer} cannot carry a next pointer, plus a separate atomic
 * count for the bound, which the stack and its count would disagree with between two CASes.
 *
 * <p>Double release: a buffer released while it is already in the pool would later be handed to
 * two acquirers at once, so {@link #release} refuses it with {@link IllegalStateException}; the
 * pool keeps an identity set of its pooled buffers for that (a hash lookup under the lock it holds
 * anyway). A second release of a buffer that was discarded is caught only when it would make
 * more releases than acquisitions; otherwise it shows as a wrong {@link Stats#outstanding()}.
 */
public final class BufferPool {
    /** Bytes per buffer: a TLS record's worth, enough for the head of almost every request. */
    public static final int DEFAULT_BUFFER_BYTES = 16 * 1024;
    /**
     * Buffers kept for reuse: at most 1,024 x 16 KiB = 16 MiB of pooled direct memory. A direct
     * allocation is costly (zeroed memory, a Cleaner, and a possible System.gc when the direct
     * memory limit is near), so the pool should cover the connections that are busy at once under
     * load; beyond that a burst allocates, and the surplus is discarded on release instead of
     * pinning memory that an idle server would never give back.
     */
    public static final int DEFAULT_MAX_POOLED = 1_024;

    /**
     * The pool's counters at one instant.
     *
     * @param pooled    buffers in the pool now, never more than {@code maxPooled}
     * @param allocated buffers the pool had to allocate because it was empty
     * @param acquired  every {@link #acquire()}
     * @param released  every accepted {@link #release}
     * @param discarded releases dropped because the pool was full
     */
    public record Stats(int bufferBytes, int maxPooled, int pooled, long allocated, long acquired,
                        long released, long discarded) {
        /** Buffers taken and not given back: the leak count on /server-status, 0 when idle. */
        public long outstanding() {
            return acquired - released;
        }
    }

    private final int bufferBytes;
    private final ByteBuffer[] stack;
    private final Map<ByteBuffer, Boolean> pooledSet;
    private final ReentrantLock lock = new ReentrantLock();
    private int pooled;
    private long allocated;
    private long acquired;
    private long released;
    private long discarded;

    public BufferPool() {
        this(DEFAULT_BUFFER_BYTES, DEFAULT_MAX_POOLED);
    }

    public BufferPool(int bufferBytes, int maxPooled) {
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be at least 1, was " + bufferBytes);
        }
        if (maxPooled < 0) {
            throw new IllegalArgumentException("maxPooled must be at least 0, was " + maxPooled);
        }
        this.bufferBytes = bufferBytes;
        this.stack = new ByteBuffer[maxPooled];
        this.pooledSet = new IdentityHashMap<>(maxPooled);
    }

    /** A cleared direct buffer of {@code bufferBytes}: a pooled one if any, else a new one. Never null. */
    public ByteBuffer acquire() {
        ByteBuffer b;
        lock.lock();
        try {
            acquired++;
            if (pooled == 0) {
                allocated++;
                b = null;
            } else {
                // Last in, first out: the most recently used buffer is the likeliest to be in cache.
                b = stack[--pooled];
                stack[pooled] = null;
                pooledSet.remove(b);
            }
        } finally {
            lock.unlock();
        }
        return b == null ? allocate() : b.clear();
    }

    /**
     * Gives a buffer back: pooled, or discarded when {@code maxPooled} are pooled already. The
     * caller must not touch it afterwards.
     *
     * @throws IllegalArgumentException a heap buffer, or one of another capacity
     * @throws IllegalStateException    a buffer already in the pool, or more releases than acquisitions
     */
    public void release(ByteBuffer b) {
        if (!b.isDirect() || b.capacity() != bufferBytes) {
            throw new IllegalArgumentException("not a buffer of this pool: " + b + " (direct "
                    + b.isDirect() + "); the pool holds direct buffers of " + bufferBytes + " bytes");
        }
        lock.lock();
        try {
            if (pooledSet.containsKey(b)) {
                throw new IllegalStateException("buffer released twice: it is already in the pool");
            }
            if (released == acquired) {
                throw new IllegalStateException("more releases than acquisitions: a buffer released twice");
            }
            released++;
            if (pooled == stack.length) {
                discarded++;
            } else {
                stack[pooled++] = b;
                pooledSet.put(b, Boolean.TRUE);
            }
        } finally {
            lock.unlock();
        }
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(bufferBytes, stack.length, pooled, allocated, acquired, released, discarded);
        } finally {
            lock.unlock();
        }
    }

    public int bufferBytes() {
        return bufferBytes;
    }

    // Outside the lock: a direct allocation can be slow (it may wait for the GC to free direct memory).
    private ByteBuffer allocate() {
        try {
            return ByteBuffer.allocateDirect(bufferBytes);
        } catch (OutOfMemoryError e) {
            lock.lock();
            try {
                acquired--;
                allocated--;
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }
}
