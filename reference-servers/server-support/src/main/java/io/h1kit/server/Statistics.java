package io.h1kit.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what a server did: connections, responses by status code, bytes, and when it
 * started. Lock-free and thread-safe (LongAdder: many workers add, the status page reads), so
 * every stage shares one instance per server. A snapshot reads each counter once; counters that
 * move meanwhile may disagree by the requests in flight, never lose one.
 */
public final class Statistics {
    /** Status codes are three digits: one counter per code from 100 to 599. */
    private static final int FIRST_CODE = 100;
    private static final int CODES = 500;

    private final Clock clock;
    private final long startedMillis;
    private final LongAdder connections = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] byCode = new LongAdder[CODES];
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();

    /**
     * A copy for reports.
     *
     * @param uptimeMillis since the server started
     * @param byCode       responses per status code, index 0 for code 100
     */
    public record Snapshot(long uptimeMillis, long connections, long requests, long[] byCode, long bytesIn,
                           long bytesOut) {
        /** Responses with this status code. */
        public long count(int code) {
            int i = code - FIRST_CODE;
            return i >= 0 && i < byCode.length ? byCode[i] : 0;
        }

        /** Responses in this class (2 for 2xx). */
        public long countClass(int hundreds) {
            long sum = 0;
            for (int code = hundreds * 100; code < hundreds * 100 + 100; code++) {
                sum += count(code);
            }
            return sum;
        }
    }

    public Statistics(Clock clock) {
        this.clock = clock;
        this.startedMillis = clock.monotonicMillis();
        for (int i = 0; i < CODES; i++) {
            byCode[i] = new LongAdder();
        }
    }

    public void connectionAccepted() {
        connections.increment();
    }

    /** Counts a response with status code {@code status}. */
    public void response(int status) {
        requests.increment();
        int i = status - FIRST_CODE;
        if (i >= 0 && i < CODES) {
            byCode[i].increment();
        }
    }

    public void bytesIn(long n) {
        bytesIn.add(n);
    }

    public void bytesOut(long n) {
        bytesOut.add(n);
    }

    public Snapshot snapshot() {
        long[] codes = new long[CODES];
        for (int i = 0; i < CODES; i++) {
            codes[i] = byCode[i].sum();
        }
        return new Snapshot(clock.monotonicMillis() - startedMillis, connections.sum(), requests.sum(), codes,
                bytesIn.sum(), bytesOut.sum());
    }
}
