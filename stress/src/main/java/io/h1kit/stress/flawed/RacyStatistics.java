package io.h1kit.stress.flawed;

import io.h1kit.stress.subject.StatisticsSubject;

/**
 * Flawed copy of {@link io.h1kit.server.Statistics}: plain {@code long} counters incremented with
 * {@code ++}, a read, an add and a write. Two workers that count at once can both read the same
 * value and both write it plus one: a response is lost. (And the status page may read a stale
 * value, or on a 32-bit JVM half of one.) LongAdder, or AtomicLong, makes the add one step.
 */
public final class RacyStatistics implements StatisticsSubject {
    private static final int FIRST_CODE = 100;
    private static final int CODES = 500;

    private long connections;
    private long requests;
    private final long[] byCode = new long[CODES];

    @Override
    public void connectionAccepted() {
        connections++; // BUG: not atomic
    }

    @Override
    public void response(int status) {
        requests++; // BUG: not atomic
        int i = status - FIRST_CODE;
        if (i >= 0 && i < CODES) {
            byCode[i]++; // BUG: not atomic
        }
    }

    @Override
    public long connections() {
        return connections;
    }

    @Override
    public long requests() {
        return requests;
    }

    @Override
    public long count(int status) {
        int i = status - FIRST_CODE;
        return i >= 0 && i < CODES ? byCode[i] : 0;
    }
}
