package io.h1kit.gatling;

import io.gatling.javaapi.core.PopulationBuilder;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Open model: users arrive at each fixed rate of {@code h1kit.rates} in turn, each level for
 * {@code h1kit.stepSeconds}, and every user sends one request on a connection of its own. Arrivals
 * do not wait for answers, so a stalling server shows as latency and timeouts instead of as a
 * lower request rate (no coordinated omission); latency is reported per rate.
 */
public class OpenModelSimulation extends LoadSimulation {

    public OpenModelSimulation() {
        super(Scenario.OPEN_MODEL);
        List<PopulationBuilder> levels = target.rates().stream().map(this::level).toList();
        run(levels.getFirst(), levels.subList(1, levels.size()).toArray(PopulationBuilder[]::new));
    }

    private PopulationBuilder level(int perSecond) {
        return scenario(named(perSecond + " users/s"))
                .exec(http("small file, " + perSecond + "/s").get(target.smallPath()).check(status().is(200)))
                .injectOpen(constantUsersPerSec(perSecond).during(target.step()));
    }
}
