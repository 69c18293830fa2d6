package io.h1kit.gatling;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What every h1kit simulation shares: the target from system properties, its expectation for the
 * scenario, and one {@code setUp} with the common protocol, the hard time bound and the
 * expectation's assertions. Subclasses read top-down: parameters, requests, scenario, injection.
 */
public abstract class LoadSimulation extends Simulation {
    protected final Target target = Target.fromSystemProperties();
    protected final Scenario scenario;
    protected final Expectation expectation;

    protected LoadSimulation(Scenario scenario) {
        this.scenario = scenario;
        // The sweep's expectation depends on its largest level (h1kit load runs one level at a time).
        int users = scenario == Scenario.KEEP_ALIVE_SWEEP
                ? target.users().stream().mapToInt(Integer::intValue).max().orElse(0) : Integer.MAX_VALUE;
        this.expectation = Expectations.of(target.name(), scenario, users);
    }

    /** A scenario name that carries the expectation, so that Gatling's report states it. */
    protected String named(String what) {
        return scenario.title() + ": " + what + " on " + target.name() + " " + expectation.label();
    }

    /** The one {@code setUp} of the simulation: bounded in time, with the expectation's assertions. */
    protected void run(PopulationBuilder first, PopulationBuilder... rest) {
        PopulationBuilder chained = first;
        for (PopulationBuilder next : rest) {
            chained = chained.andThen(next);
        }
        setUp(chained)
                .protocols(target.protocol())
                .maxDuration(target.maxDuration())
                .assertions(expectation.assertions());
    }

    /**
     * {@code h1kit load} reads what this run was expected to show from the file named by
     * {@code h1kit.expectationFile}: the table is here, with the simulations, and Gatling's exit
     * status alone cannot tell a pass from an expected failure.
     */
    private void declareExpectation() {
        String file = System.getProperty("h1kit.expectationFile");
        if (file == null || file.isBlank()) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("gating", Boolean.toString(expectation.gating()));
        p.setProperty("reason", expectation.gating() ? expectation.label() : expectation.reason());
        try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
            p.store(out, "h1kit load: the expectation of " + scenario.title() + " on " + target.name());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void before() {
        declareExpectation();
        System.out.println("h1kit load: " + scenario.title() + " against " + target.name() + " at " + target.baseUrl()
                + " " + expectation.label());
    }

    @Override
    public void after() {
        if (!expectation.gating()) {
            System.out.println("h1kit load: " + scenario.title() + " on " + target.name()
                    + " is expected to fail, so its errors and latency do not gate: " + expectation.reason());
        }
    }
}
