package io.h1kit.stress.subject;

import io.h1kit.eventloop.BufferPool;

import java.nio.ByteBuffer;

/**
 * A pool of direct buffers as the stress tests see it: {@link BufferPool}'s operations, so that one
 * test body runs against the real pool of stage 4 and against each flawed copy of it. Thread-safe
 * as the implementation is (the flawed ones are not, on purpose).
 */
public interface BufferPoolSubject {
    ByteBuffer acquire();

    void release(ByteBuffer b);

    BufferPool.Stats stats();

    /** The real pool of stage 4. */
    static BufferPoolSubject real(int bufferBytes, int maxPooled) {
        BufferPool pool = new BufferPool(bufferBytes, maxPooled);
        return new BufferPoolSubject() {
            @Override
            public ByteBuffer acquire() {
                return pool.acquire();
            }

            @Override
            public void release(ByteBuffer b) {
                pool.release(b);
            }

            @Override
            public BufferPool.Stats stats() {
                return pool.stats();
            }
        };
    }
}
