package io.h1kit.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what a server did: connections, requests by status class, bytes. Lock-free and
 * thread-safe (LongAdder), so later stages with many workers can share one instance.
 */
public final class Statistics {
    private final LongAdder connections = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] byClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();

    /** A consistent-enough copy for reports (each counter is read once). */
    public record Snapshot(long connections, long requests, long status1xx, long status2xx, long status3xx,
                           long status4xx, long status5xx, long bytesIn, long bytesOut) {
    }

    public void connectionAccepted() {
        connections.increment();
    }

    /** Counts a response; {@code status} is its code. */
    public void response(int status) {
        requests.increment();
        int index = status / 100 - 1;
        if (index >= 0 && index < byClass.length) {
            byClass[index].increment();
        }
    }

    public void bytesIn(long n) {
        bytesIn.add(n);
    }

    public void bytesOut(long n) {
        bytesOut.add(n);
    }

    public Snapshot snapshot() {
        return new Snapshot(connections.sum(), requests.sum(), byClass[0].sum(), byClass[1].sum(), byClass[2].sum(),
                byClass[3].sum(), byClass[4].sum(), bytesIn.sum(), bytesOut.sum());
    }
}
