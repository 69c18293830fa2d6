package io.h1kit.eventloop;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared pool of direct buffers: reuse, its bound, its counters, what it refuses, and several
 * threads taking and giving back at once. jcstress and lincheck check the races in stress/.
 */
@Timeout(30)
class BufferPoolTest {
    private static final int BYTES = 64;

    @Test
    @DisplayName("an empty pool allocates a cleared direct buffer of the pool's size, and counts it")
    void emptyPoolAllocates() {
        BufferPool pool = new BufferPool(BYTES, 2);
        ByteBuffer b = pool.acquire();
        assertTrue(b.isDirect());
        assertEquals(BYTES, b.capacity());
        assertEquals(0, b.position());
        assertEquals(BYTES, b.limit());
        assertEquals(new BufferPool.Stats(BYTES, 2, 0, 1, 1, 0, 0), pool.stats());
        assertEquals(1, pool.stats().outstanding());
    }

    @Test
    @DisplayName("a released buffer is reused, cleared, the last released first")
    void releasedBufferIsReusedCleared() {
        BufferPool pool = new BufferPool(BYTES, 2);
        ByteBuffer a = pool.acquire();
        ByteBuffer b = pool.acquire();
        a.put((byte) 1).flip();
        b.position(10).limit(20);
        pool.release(a);
        pool.release(b);
        assertEquals(new BufferPool.Stats(BYTES, 2, 2, 2, 2, 2, 0), pool.stats());

        ByteBuffer again = pool.acquire();
        assertSame(b, again);
        assertEquals(0, again.position());
        assertEquals(BYTES, again.limit());
        assertSame(a, pool.acquire());
        assertEquals(new BufferPool.Stats(BYTES, 2, 0, 2, 4, 2, 0), pool.stats(), "no allocation for reuse");
    }

    @Test
    @DisplayName("releases beyond maxPooled are discarded and counted; the pool never holds more")
    void surplusIsDiscarded() {
        BufferPool pool = new BufferPool(BYTES, 2);
        List<ByteBuffer> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(pool.acquire());
        }
        held.forEach(pool::release);
        BufferPool.Stats s = pool.stats();
        assertEquals(2, s.pooled());
        assertEquals(3, s.discarded());
        assertEquals(5, s.released());
        assertEquals(0, s.outstanding());
    }

    @Test
    @DisplayName("maxPooled 0 pools nothing: every acquire allocates, every release discards")
    void zeroMaxPooled() {
        BufferPool pool = new BufferPool(BYTES, 0);
        pool.release(pool.acquire());
        pool.release(pool.acquire());
        assertEquals(new BufferPool.Stats(BYTES, 0, 0, 2, 2, 2, 2), pool.stats());
    }

    @Test
    @DisplayName("a heap buffer or one of another capacity is refused, and nothing is counted")
    void refusesForeignBuffers() {
        BufferPool pool = new BufferPool(BYTES, 2);
        pool.acquire();
        assertThrows(IllegalArgumentException.class, () -> pool.release(ByteBuffer.allocate(BYTES)));
        assertThrows(IllegalArgumentException.class, () -> pool.release(ByteBuffer.allocateDirect(BYTES + 1)));
        assertEquals(new BufferPool.Stats(BYTES, 2, 0, 1, 1, 0, 0), pool.stats());
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(BYTES, -1));
    }

    @Test
    @DisplayName("a double release is refused: of a pooled buffer, or one more release than acquisitions")
    void doubleReleaseIsRefused() {
        BufferPool pool = new BufferPool(BYTES, 2);
        ByteBuffer a = pool.acquire();
        ByteBuffer b = pool.acquire();
        pool.release(a);
        assertThrows(IllegalStateException.class, () -> pool.release(a), "a is in the pool already");
        pool.release(b);
        assertThrows(IllegalStateException.class, () -> pool.release(ByteBuffer.allocateDirect(BYTES)),
                "nothing is outstanding");
        assertEquals(new BufferPool.Stats(BYTES, 2, 2, 2, 2, 2, 0), pool.stats());
    }

    @Test
    @DisplayName("defaults: 16 KiB buffers, a bounded pool")
    void defaults() {
        BufferPool pool = new BufferPool();
        assertEquals(16 * 1024, pool.bufferBytes());
        assertEquals(BufferPool.DEFAULT_MAX_POOLED, pool.stats().maxPooled());
    }

    @Test
    @DisplayName("four threads taking and giving back: no buffer held twice at once, the counters add up")
    void concurrentAcquireRelease() throws InterruptedException {
        int threads = 4;
        int rounds = 20_000;
        BufferPool pool = new BufferPool(BYTES, 3);
        Set<ByteBuffer> held = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().name("worker-" + t).start(() -> {
                await(start);
                for (int i = 0; i < rounds; i++) {
                    ByteBuffer a = pool.acquire();
                    ByteBuffer b = pool.acquire();
                    if (!held.add(a) || !held.add(b)) {
                        failure.compareAndSet(null, "a buffer was handed to two holders at once");
                    }
                    if (pool.stats().pooled() > 3) {
                        failure.compareAndSet(null, "pool above maxPooled: " + pool.stats());
                    }
                    held.remove(a);
                    held.remove(b);
                    pool.release(b);
                    pool.release(a);
                }
            }));
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertNull(failure.get());
        BufferPool.Stats s = pool.stats();
        assertEquals(2L * threads * rounds, s.acquired());
        assertEquals(s.acquired(), s.released());
        assertEquals(0, s.outstanding());
        assertTrue(s.pooled() <= 3);
        assertEquals(s.allocated(), s.pooled() + s.discarded(), "every buffer ever made is pooled or was discarded");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
