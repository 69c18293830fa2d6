package io.h1kit.stress.jcstress;

import io.h1kit.stress.flawed.RacyStatistics;
import io.h1kit.stress.subject.StatisticsSubject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two workers count a 200 response each at the same moment; afterwards the status page must show
 * both. Results: responses with status 200, then all requests. The racy copy's {@code count++}
 * loses one when both read the old value before either writes.
 */
public class StatisticsResponseTest {

    @JCStressTest
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "Both responses counted, in both counters.")
    @Outcome(expect = FORBIDDEN, desc = "A response was lost: one worker's update overwrote the other's.")
    @State
    public static class Fixed {
        final StatisticsSubject stats = StatisticsSubject.real();

        @Actor
        public void worker1() {
            stats.response(200);
        }

        @Actor
        public void worker2() {
            stats.response(200);
        }

        @Arbiter
        public void statusPage(JJ_Result r) {
            r.r1 = stats.count(200);
            r.r2 = stats.requests();
        }
    }

    @JCStressTest
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "Both responses counted, in both counters.")
    @Outcome(expect = FORBIDDEN, desc = "A response was lost: one worker's update overwrote the other's.")
    @State
    public static class FlawedRacyCounter {
        final StatisticsSubject stats = new RacyStatistics();

        @Actor
        public void worker1() {
            stats.response(200);
        }

        @Actor
        public void worker2() {
            stats.response(200);
        }

        @Arbiter
        public void statusPage(JJ_Result r) {
            r.r1 = stats.count(200);
            r.r2 = stats.requests();
        }
    }
}
