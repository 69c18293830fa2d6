package io.h1kit.gatling;

import java.util.List;

import static io.h1kit.gatling.Expectation.expectedToFail;
import static io.h1kit.gatling.Expectation.pass;

/**
 * The declared expectations: per scenario a default that any correct server on this machine should
 * meet, and per reference stage the scenarios its architecture is expected to fail, with the
 * reason. An expected failure is reported (in the scenario's name in Gatling's report, and in the
 * log), not gated, so that the sequential server is not failed for being sequential.
 */
public final class Expectations {

    /**
     * One row of the table: on target {@code target}, scenario {@code scenario} is expected to show
     * this, in a run whose largest number of users is at least {@code fromUsers} (0: any run).
     * Below it, the default row applies: the thread pool is only expected to fail the sweep's
     * level that exceeds it.
     */
    record Row(String target, Scenario scenario, int fromUsers, Expectation expectation) {
        Row(String target, Scenario scenario, Expectation expectation) {
            this(target, scenario, 0, expectation);
        }
    }

    /** The target name of the defaults: any server that is not a named stage. */
    static final String ANY = "*";

    /**
     * The thresholds are loose on purpose: on 2 cores Gatling shares the CPU with the server and
     * records whole milliseconds, so they catch a broken or stalling server, not a slow one.
     */
    static final List<Row> TABLE = List.of(
            new Row(ANY, Scenario.KEEP_ALIVE_SWEEP, pass(1.0, 1_000)),
            new Row(ANY, Scenario.OPEN_MODEL, pass(1.0, 1_000)),
            new Row(ANY, Scenario.CONNECTION_CHURN, pass(1.0, 1_000)),
            new Row(ANY, Scenario.LARGE_FILE, pass(1.0, 2_000)),
            new Row(ANY, Scenario.SLOW_CLIENTS, pass(1.0, 500)),
            new Row(ANY, Scenario.SITE, pass(1.0, 1_000)),

            new Row("sequential", Scenario.SLOW_CLIENTS, expectedToFail(
                    "one connection at a time: a thinking client holds the server until its 2 s idle timeout,"
                            + " and the other clients time out waiting")),
            new Row("sequential", Scenario.SITE, expectedToFail(
                    "the assets come on parallel connections, as a browser's do, and wait behind the page's own"
                            + " keep-alive connection until its 2 s idle timeout")),

            new Row("sequential", Scenario.KEEP_ALIVE_SWEEP, 256, expectedToFail(
                    "one connection at a time: the last of 256 users waits for the 255 before it to send all"
                            + " their requests, past Gatling's 10 s request timeout below about 2,500 requests/s")),

            new Row("threadpool", Scenario.KEEP_ALIVE_SWEEP, 256, expectedToFail(
                    "64 workers and a queue of 128 hold 192 connections; the others get 503")),
            new Row("threadpool", Scenario.SLOW_CLIENTS, expectedToFail(
                    "more idle keep-alive clients than 64 workers: the rest wait in the queue until a client"
                            + " leaves, or get 503 beyond it")));

    private Expectations() {
    }

    /** {@link #of(String, Scenario, int)} for a run of any size. */
    public static Expectation of(String target, Scenario scenario) {
        return of(target, scenario, Integer.MAX_VALUE);
    }

    /**
     * The target's own row for the scenario, when the run's largest number of users reaches it,
     * else the default; then the command line's overrides.
     */
    public static Expectation of(String target, Scenario scenario, int users) {
        Expectation fallback = null;
        for (Row row : TABLE) {
            if (row.scenario() != scenario) {
                continue;
            }
            if (row.target().equals(target) && users >= row.fromUsers()) {
                return row.expectation().withOverrides();
            }
            if (row.target().equals(ANY)) {
                fallback = row.expectation();
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no default expectation for " + scenario);
        }
        return fallback.withOverrides();
    }
}
