package io.h1kit.conformance.model;

/** What a case does against a target: send, read, measure. */
@FunctionalInterface
public interface Probe {
    /**
     * The probe of a passive case (the response invariants): it sends nothing; the runner judges
     * it from the lint findings of every response the other cases received.
     */
    Probe PASSIVE = context -> {
        throw new IllegalStateException("a passive case has no probe of its own");
    };

    Observation run(ProbeContext context) throws Exception;
}
