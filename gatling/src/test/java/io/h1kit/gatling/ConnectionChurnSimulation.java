package io.h1kit.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Connection churn: {@code h1kit.churnUsers} concurrent users send {@code Connection: close} on
 * every request, so each request costs a connect, an accept and a close. Compared with the
 * keep-alive sweep it shows what a stage pays per connection (a thread hand-off, a selector
 * registration) rather than per request.
 */
public class ConnectionChurnSimulation extends LoadSimulation {

    public ConnectionChurnSimulation() {
        super(Scenario.CONNECTION_CHURN);
        run(scenario(named(target.churnUsers() + " users"))
                .exec(repeat(target.requestsPerUser()).on(
                        exec(http("small file, Connection: close").get(target.smallPath())
                                .header("Connection", "close")
                                .check(status().is(200)))))
                .injectClosed(constantConcurrentUsers(target.churnUsers()).during(target.step())));
    }
}
