package io.h1kit.gatling;

import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Large downloads: {@code h1kit.largeUsers} concurrent users fetch {@code h1kit.largePath} (1 MiB
 * by default) over keep-alive, and every body's length is checked. A file larger than a socket
 * buffer makes the server wait on writes: a blocking stage holds its thread meanwhile, an event
 * loop serves others between the partial writes.
 */
public class LargeFileSimulation extends LoadSimulation {

    /** Downloads per user before it ends: enough to reuse the connection, few enough to rotate users. */
    private static final int DOWNLOADS_PER_USER = 10;

    public LargeFileSimulation() {
        super(Scenario.LARGE_FILE);
        run(scenario(named(target.largeUsers() + " users"))
                .exec(repeat(DOWNLOADS_PER_USER).on(
                        exec(http("large file").get(target.largePath())
                                .check(status().is(200), bodyLength().is((int) target.largeBytes())))))
                .injectClosed(constantConcurrentUsers(target.largeUsers()).during(target.step())));
    }
}
