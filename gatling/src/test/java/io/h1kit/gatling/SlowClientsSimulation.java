package io.h1kit.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Slow clients: {@code h1kit.slowUsers} users arrive within two seconds and each sends
 * {@code h1kit.slowRequests} requests on one keep-alive connection, thinking
 * {@code h1kit.thinkSeconds} between them. The load is tiny; what it costs is mostly idle
 * connections. This is where a server that gives each connection a thread (or the only thread)
 * shows its limit, and an event loop does not.
 */
public class SlowClientsSimulation extends LoadSimulation {

    /** All clients connect within this many seconds, so that they are idle together. */
    private static final int ARRIVAL_SECONDS = 2;

    public SlowClientsSimulation() {
        super(Scenario.SLOW_CLIENTS);
        run(scenario(named(target.slowUsers() + " users thinking " + target.think().toSeconds() + " s"))
                .exec(repeat(target.slowRequests()).on(
                        exec(http("small file after think time").get(target.smallPath()).check(status().is(200)))
                                .pause(target.think())))
                .injectOpen(rampUsers(target.slowUsers()).during(ARRIVAL_SECONDS)));
    }
}
