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
 * @param gatlingReport          the Gatling report's folder: in load.json relative to load.json's
 *                               folder; in the report, relative to the report's output
 * @param peakThreads            the server's most threads during the run (all its processes)
 * @param peakOpenFiles          the server's most open file descriptors during the run
 */
public record Measurement(String target, String scenario, Integer concurrency, double requestsPerSecond,
                          double p50Ms, double p95Ms, double p99Ms, double maxMs, long requests, long errors,
                          Double cpuMsPer1000Requests, Long peakRssBytes, Long memoryPerIdleConnectionBytes,
                          String gatlingReport, Expectation expectation, Long peakThreads, Long peakOpenFiles) {
    public Measurement {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scenario, "scenario");
        expectation = expectation == null ? Expectation.PASS : expectation;
    }

    /** The same measurement with its Gatling report link replaced. */
    public Measurement withGatlingReport(String link) {
        return new Measurement(target, scenario, concurrency, requestsPerSecond, p50Ms, p95Ms, p99Ms, maxMs, requests,
                errors, cpuMsPer1000Requests, peakRssBytes, memoryPerIdleConnectionBytes, link, expectation, peakThreads,
                peakOpenFiles);
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
