package io.h1kit.reports.model;

import java.util.Objects;

/**
 * What one target did in one scenario (at one concurrency level for sweeps). Latencies are in
 * milliseconds (Gatling records whole milliseconds); {@code null} marks a figure that was not
 * measured, such as memory per idle connection outside the idle-connections scenario.
 *
 * @param concurrency            clients at once, for sweep scenarios; else null
 * @param cpuMsPer1000Requests   server CPU time (user + system) per 1,000 requests, in ms
 * @param peakRssBytes           the server's peak resident memory during the scenario
 * @param memoryPerIdleConnectionBytes resident memory added per idle connection held
 * @param gatlingReport          the Gatling report's folder, relative to the report's output
 */
public record Measurement(String target, String scenario, Integer concurrency, double requestsPerSecond,
                          double p50Ms, double p95Ms, double p99Ms, double maxMs, long requests, long errors,
                          Double cpuMsPer1000Requests, Long peakRssBytes, Long memoryPerIdleConnectionBytes,
                          String gatlingReport, Expectation expectation) {
    public Measurement {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scenario, "scenario");
        expectation = expectation == null ? Expectation.PASS : expectation;
    }

    int concurrencyOrZero() {
        return concurrency == null ? 0 : concurrency;
    }

    /** Same target, scenario and concurrency: the cell a baseline compares against. */
    public boolean sameCell(Measurement other) {
        return target.equals(other.target) && scenario.equals(other.scenario)
                && Objects.equals(concurrency, other.concurrency);
    }
}
