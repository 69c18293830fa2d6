package io.h1kit.reports.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One load run (schema {@value #SCHEMA}): the targets measured, the scenarios run, and one
 * measurement per target, scenario and (for sweeps) concurrency level. Immutable.
 */
public record LoadRun(String schema, String generated, String machine, List<Target> targets,
                      List<Scenario> scenarios, List<Measurement> measurements) {
    public static final String SCHEMA = "h1kit-load/1";

    public LoadRun {
        // A run that measured nothing yet may leave its lists out.
        targets = targets == null ? List.of() : List.copyOf(targets);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    /** The measurements of one scenario, by target order then concurrency. */
    public List<Measurement> of(Scenario scenario) {
        List<String> order = targets.stream().map(Target::name).toList();
        return measurements.stream()
                .filter(m -> m.scenario().equals(scenario.id()))
                .sorted(Comparator.comparingInt((Measurement m) -> order.indexOf(m.target()))
                        .thenComparingInt(Measurement::concurrencyOrZero))
                .toList();
    }

    /** The measurement of the same target, scenario and concurrency, if this run has one. */
    public Optional<Measurement> match(Measurement other) {
        return measurements.stream().filter(m -> m.sameCell(other)).findFirst();
    }

    public Optional<Target> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
