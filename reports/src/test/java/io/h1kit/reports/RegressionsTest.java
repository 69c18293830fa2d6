package io.h1kit.reports;

import io.h1kit.reports.model.LoadJson;
import io.h1kit.reports.model.LoadRun;
import io.h1kit.reports.model.Regressions;
import io.h1kit.reports.model.Regressions.Metric;
import io.h1kit.reports.model.Regressions.Regression;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegressionsTest {
    @Test
    void flagsLowerThroughputAndHigherP99BeyondTenPercent() throws IOException {
        LoadRun now = LoadJson.read(Fixtures.fixture("results/load.json"));
        LoadRun before = LoadJson.read(Fixtures.fixture("baseline.json"));
        List<Regression> found = Regressions.find(now, before, Regressions.DEFAULT_THRESHOLD);
        // eventloop at 16 clients: 4,000 against 5,000 req/s (-20 %); at 1 client 2,500 against
        // 2,600 (-3.8 %, within the threshold); nginx at 16: p99 8 ms against 5 ms (+60 %).
        assertEquals(2, found.size(), found.toString());
        check(found.get(0), "eventloop", Metric.REQUESTS_PER_SECOND, 5000, 4000, -0.2);
        check(found.get(1), "nginx", Metric.P99, 5, 8, 0.6);
    }

    private static void check(Regression r, String target, Metric metric, double baseline, double now,
                              double change) {
        assertEquals(target, r.target());
        assertEquals("keepalive-sweep", r.scenario());
        assertEquals(16, r.concurrency());
        assertEquals(metric, r.metric());
        assertEquals(baseline, r.baseline());
        assertEquals(now, r.now());
        assertEquals(change, r.change(), 1e-9);
    }

    @Test
    void theThresholdIsAParameter() throws IOException {
        LoadRun now = LoadJson.read(Fixtures.fixture("results/load.json"));
        LoadRun before = LoadJson.read(Fixtures.fixture("baseline.json"));
        List<Regression> found = Regressions.find(now, before, 0.5);
        assertEquals(1, found.size());
        assertEquals(Metric.P99, found.getFirst().metric());
        assertEquals(List.of(), Regressions.find(now, now, 0.0), "a run never regresses against itself");
    }
}
