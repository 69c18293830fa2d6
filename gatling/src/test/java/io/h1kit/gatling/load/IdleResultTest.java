package io.h1kit.gatling.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The idle scenario's two batches reported as one. */
class IdleResultTest {
    @Test
    void combineAddsCountsAndTimesAndMergesLatenciesInOrder() {
        var first = new IdleConnections.Result(3, 2, new long[] {1, 7}, 40);
        var second = new IdleConnections.Result(4, 4, new long[] {0, 2, 3, 9}, 60);

        var both = IdleConnections.Result.combine(first, second);

        assertEquals(7, both.opened());
        assertEquals(6, both.answered());
        assertEquals(100, both.elapsedMillis());
        assertArrayEquals(new long[] {0, 1, 2, 3, 7, 9}, both.latencyMillis());
        assertEquals(9, IdleConnections.percentile(both.latencyMillis(), 100));
    }
}
