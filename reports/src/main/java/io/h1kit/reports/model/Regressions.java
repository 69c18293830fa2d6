package io.h1kit.reports.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a run with a baseline run, cell by cell (target, scenario, concurrency): throughput
 * lower, or p99 latency higher, by more than the threshold is a regression.
 */
public final class Regressions {
    /** 10 %: run-to-run noise on a shared 2-core machine stays under it for the kit's scenarios. */
    public static final double DEFAULT_THRESHOLD = 0.10;

    public enum Metric { REQUESTS_PER_SECOND, P99 }

    /** One flagged figure; {@code change} is signed, as a fraction of the baseline value. */
    public record Regression(String target, String scenario, Integer concurrency, Metric metric, double baseline,
                             double now, double change) {
        public boolean concerns(Measurement m, Metric metric) {
            return this.metric == metric && target.equals(m.target()) && scenario.equals(m.scenario())
                    && java.util.Objects.equals(concurrency, m.concurrency());
        }
    }

    private Regressions() {
    }

    public static List<Regression> find(LoadRun now, LoadRun baseline, double threshold) {
        List<Regression> found = new ArrayList<>();
        for (Measurement m : now.measurements()) {
            Optional<Measurement> was = baseline.match(m);
            if (was.isEmpty()) {
                continue;
            }
            Measurement b = was.get();
            if (b.requestsPerSecond() > 0 && m.requestsPerSecond() < b.requestsPerSecond() * (1 - threshold)) {
                found.add(new Regression(m.target(), m.scenario(), m.concurrency(), Metric.REQUESTS_PER_SECOND,
                        b.requestsPerSecond(), m.requestsPerSecond(),
                        m.requestsPerSecond() / b.requestsPerSecond() - 1));
            }
            if (b.p99Ms() > 0 && m.p99Ms() > b.p99Ms() * (1 + threshold)) {
                found.add(new Regression(m.target(), m.scenario(), m.concurrency(), Metric.P99, b.p99Ms(),
                        m.p99Ms(), m.p99Ms() / b.p99Ms() - 1));
            }
        }
        return List.copyOf(found);
    }
}
