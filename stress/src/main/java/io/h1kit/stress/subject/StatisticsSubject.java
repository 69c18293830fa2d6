package io.h1kit.stress.subject;

import io.h1kit.server.Clock;
import io.h1kit.server.Statistics;

/**
 * A server's counters as the stress tests see them: workers count, the status page reads one
 * counter at a time. {@link #real} is {@link Statistics}; each read is one snapshot.
 */
public interface StatisticsSubject {
    void connectionAccepted();

    void response(int status);

    long connections();

    long requests();

    /** Responses with this status code. */
    long count(int status);

    /** The real counters of every stage (LongAdder each). */
    static StatisticsSubject real() {
        Statistics s = new Statistics(Clock.SYSTEM);
        return new StatisticsSubject() {
            @Override
            public void connectionAccepted() {
                s.connectionAccepted();
            }

            @Override
            public void response(int status) {
                s.response(status);
            }

            @Override
            public long connections() {
                return s.snapshot().connections();
            }

            @Override
            public long requests() {
                return s.snapshot().requests();
            }

            @Override
            public long count(int status) {
                return s.snapshot().count(status);
            }
        };
    }
}
