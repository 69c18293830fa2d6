package io.h1kit.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what a server did: connections, responses by status code, bytes, and when it
 * started. Lock-free and thread-safe (LongAdder: many workers add, the status page reads), so
 * every stage shares one instance per server. A snapshot reads each counter once; different
 * counters that move meanwhile (connections, bytes) may disagree by the requests in flight, never
 * lose one.
 *
 * <p>A response is one increment, of its status code's counter, and the request total is the sum
 * of those counters, not a counter of its own: with two increments a reader could see the total
 * grow and then find no response with that code (the stress suite's full lincheck run found it),
 * and a status page's total could differ from the sum of its rows.
 */
public final class Statistics {
    /** Status codes are three digits: one counter per code from 100 to 599. */
    private static final int FIRST_CODE = 100;
    private static final int CODES = 500;

    private final Clock clock;
    private final long startedMillis;
    private final LongAdder connections = new LongAdder();
    private final LongAdder[] byCode = new LongAdder[CODES];
    /** Responses whose code is outside 100 to 599 (none that h1kit sends): counted in the total only. */
    private final LongAdder otherCodes = new LongAdder();
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
        int i = status - FIRST_CODE;
        if (i >= 0 && i < CODES) {
            byCode[i].increment();
        } else {
            otherCodes.increment();
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
        long requests = otherCodes.sum();
        for (int i = 0; i < CODES; i++) {
            codes[i] = byCode[i].sum();
            requests += codes[i];
        }
        return new Snapshot(clock.monotonicMillis() - startedMillis, connections.sum(), requests, codes,
                bytesIn.sum(), bytesOut.sum());
    }
}
