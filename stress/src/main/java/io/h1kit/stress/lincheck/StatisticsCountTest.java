package io.h1kit.stress.lincheck;

import io.h1kit.stress.flawed.RacyStatistics;
import io.h1kit.stress.subject.StatisticsSubject;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ManagedOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Workers count connections and responses while the status page reads counters, one at a time
 * (a whole snapshot is not atomic and does not claim to be: counters that move meanwhile may
 * disagree). Every read must be a count some order of the calls gives: none is ever lost. The
 * racy copy's {@code ++} loses an update in the interleaving where two workers read before
 * either writes.
 */
@Param(name = "status", gen = IntGen.class, conf = "200:201")
public abstract class StatisticsCountTest {
    /** Above the 500 status codes that a snapshot reads one by one. */
    static final int SNAPSHOT_LOOP_BOUND = 1_000;

    private final StatisticsSubject stats = newStatistics();

    protected abstract StatisticsSubject newStatistics();

    @Operation
    public void connectionAccepted() {
        stats.connectionAccepted();
    }

    @Operation
    public void response(@Param(name = "status") int status) {
        stats.response(status);
    }

    @Operation
    public long connections() {
        return stats.connections();
    }

    @Operation
    public long requests() {
        return stats.requests();
    }

    @Operation
    public long count(@Param(name = "status") int status) {
        return stats.count(status);
    }

    /** What this test adds to the runner's options: its sequential specification, and scenarios. */
    public static void configure(Options<?, ?> options) {
        options.sequentialSpecification(Specification.class);
        if (options instanceof ManagedOptions<?, ?> modelChecking) {
            // A snapshot reads 500 counters in a loop; past the default bound of 50 iterations the
            // model checker would take the loop for a thread spinning for ever.
            modelChecking.loopBound(SNAPSHOT_LOOP_BOUND);
        }
    }

    /** Plain counters, one call at a time. */
    public static final class Specification {
        private long connections;
        private long requests;
        private long ok200;
        private long created201;

        public void connectionAccepted() {
            connections++;
        }

        public void response(int status) {
            requests++;
            if (status == 200) {
                ok200++;
            } else if (status == 201) {
                created201++;
            }
        }

        public long connections() {
            return connections;
        }

        public long requests() {
            return requests;
        }

        public long count(int status) {
            return status == 200 ? ok200 : status == 201 ? created201 : 0;
        }
    }

    /** The real {@link io.h1kit.server.Statistics}: LongAdder counters. */
    public static final class Fixed extends StatisticsCountTest {
        @Override
        protected StatisticsSubject newStatistics() {
            return StatisticsSubject.real();
        }
    }

    /** {@link RacyStatistics}: {@code long} counters with {@code ++}. */
    public static final class FlawedRacyCounter extends StatisticsCountTest {
        @Override
        protected StatisticsSubject newStatistics() {
            return new RacyStatistics();
        }
    }
}
