package io.h1kit.gatling;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Closed model: a 1 KiB file over keep-alive connections, at each concurrency of
 * {@code h1kit.users} in turn, each level for {@code h1kit.stepSeconds}. Each level is its own
 * scenario and request name, so the report shows throughput and latency per concurrency. On a
 * server that serves connections in turn (stage 2) only each user's first request waits for the
 * users ahead of it, one request in {@code h1kit.requestsPerUser}: it shows in the maximum (seconds
 * at 256 users), not in the 99th percentile, so the sweep passes there; fewer requests per user
 * bring the wait into the percentiles.
 */
public class KeepAliveSweepSimulation extends LoadSimulation {

    public KeepAliveSweepSimulation() {
        super(Scenario.KEEP_ALIVE_SWEEP);
        List<PopulationBuilder> levels = target.users().stream().map(this::level).toList();
        run(levels.getFirst(), levels.subList(1, levels.size()).toArray(PopulationBuilder[]::new));
    }

    private PopulationBuilder level(int users) {
        ScenarioBuilder keepAlive = scenario(named(users + " users"))
                .exec(repeat(target.requestsPerUser()).on(
                        exec(http("small file, " + users + " users").get(target.smallPath()).check(status().is(200)))));
        return keepAlive.injectClosed(constantConcurrentUsers(users).during(target.step()));
    }
}
