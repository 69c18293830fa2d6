package io.h1kit.gatling;

import io.gatling.javaapi.core.ChainBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A small site as browsers use it: {@code h1kit.siteUsers} concurrent visitors load a page with
 * its stylesheet, script and image (fetched in parallel, as a browser does), follow a link, hit a
 * missing page (404), and come back with {@code If-None-Match}, which must be answered 304.
 */
public class SiteSimulation extends LoadSimulation {

    /** A visitor reads a page for a moment before the next click. */
    private static final Duration READING = Duration.ofMillis(100);

    public SiteSimulation() {
        super(Scenario.SITE);
        String site = target.sitePath();

        ChainBuilder home = exec(http("page").get(site + "index.html")
                .check(status().is(200), header("ETag").saveAs("etag"))
                .resources(
                        http("stylesheet").get(site + "style.css").check(status().is(200)),
                        http("script").get(site + "app.js").check(status().is(200)),
                        http("image").get(site + "logo.svg").check(status().is(200))));
        ChainBuilder about = exec(http("linked page").get(site + "about.html").check(status().is(200)));
        ChainBuilder missing = exec(http("missing page (404)").get(site + "missing.html").check(status().is(404)));
        ChainBuilder revisit = exec(http("revisit (304)").get(site + "index.html")
                .header("If-None-Match", "#{etag}")
                .check(status().is(304)));

        run(scenario(named(target.siteUsers() + " visitors"))
                .exec(home).pause(READING)
                .exec(about).pause(READING)
                .exec(missing).pause(READING)
                .exec(revisit)
                .injectClosed(constantConcurrentUsers(target.siteUsers()).during(target.step())));
    }
}
