package io.h1kit.gatling;

import io.gatling.javaapi.core.Assertion;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.global;

/**
 * What a scenario is expected to show on one target: either it passes within thresholds (Gatling
 * assertions, so a miss fails the run and the build), or it is expected to fail for a stated
 * reason (the reason goes into the report and the log, and nothing gates).
 *
 * @param gating           whether the thresholds are Gatling assertions
 * @param maxErrorPercent  the most failed requests allowed, in percent of all requests
 * @param maxP99Millis     the most the 99th percentile of response times may be, in ms
 * @param reason           why the scenario is expected to fail; empty when it gates
 */
public record Expectation(boolean gating, double maxErrorPercent, int maxP99Millis, String reason) {

    public static Expectation pass(double maxErrorPercent, int maxP99Millis) {
        return new Expectation(true, maxErrorPercent, maxP99Millis, "");
    }

    public static Expectation expectedToFail(String reason) {
        return new Expectation(false, 0, 0, reason);
    }

    /**
     * The same expectation with the thresholds given on the command line
     * ({@code h1kit.maxErrorPercent}, {@code h1kit.maxP99Ms}) and {@code h1kit.gate=true}, which
     * makes an expected failure gate with those thresholds.
     */
    public Expectation withOverrides() {
        boolean gate = gating || Boolean.getBoolean("h1kit.gate");
        double errors = Double.parseDouble(System.getProperty("h1kit.maxErrorPercent", Double.toString(gating ? maxErrorPercent : 1.0)));
        int p99 = Integer.getInteger("h1kit.maxP99Ms", gating ? maxP99Millis : 1_000);
        return new Expectation(gate, errors, p99, gate ? "" : reason);
    }

    /**
     * The Gatling assertions: at least one request, and when gating the error and p99 bounds. The
     * first one holds even for an expected failure: a run that sent nothing proves no wiring.
     */
    public List<Assertion> assertions() {
        Assertion sent = global().allRequests().count().gt(0L);
        if (!gating) {
            return List.of(sent);
        }
        return List.of(sent,
                global().failedRequests().percent().lte(maxErrorPercent),
                global().responseTime().percentile(99.0).lte(maxP99Millis));
    }

    /** A suffix for scenario names, so that Gatling's own report shows the expectation. */
    public String label() {
        return gating
                ? "(expected: errors <= " + maxErrorPercent + "%, p99 <= " + maxP99Millis + " ms)"
                : "(expected to fail: " + reason + ")";
    }
}
