package io.h1kit.threadpool;

import io.h1kit.server.Connections;

/**
 * A snapshot of the thread-pool server for its status page.
 *
 * @param openConnections connections accepted and not yet closed (queued ones included)
 * @param queued          connections waiting for a worker
 * @param queueCapacity   the queue's size
 * @param queueHighWater  the most connections ever queued at once
 * @param rejected        connections refused with 503 because the queue was full
 * @param workers         what each worker is doing: null when idle (waiting for a connection),
 *                        else its connection's state
 */
public record PoolStatus(int openConnections, int queued, int queueCapacity, int queueHighWater, long rejected,
                         Connections.State[] workers) {

    /** How many workers hold a connection. */
    public int busyWorkers() {
        int n = 0;
        for (Connections.State s : workers) {
            if (s != null) {
                n++;
            }
        }
        return n;
    }
}
