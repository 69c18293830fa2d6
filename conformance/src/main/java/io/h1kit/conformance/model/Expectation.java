package io.h1kit.conformance.model;

import java.util.function.Predicate;

/**
 * One outcome a case accepts, in the catalogue's vocabulary ("400 then close", "2 responses"),
 * with the words the report prints next to the observed outcome.
 */
public interface Expectation {

    /** The outcome in words, for the report: "400 then close". */
    String describe();

    boolean matches(Observation observation);

    /** Whether judging this outcome needs to know if the server closed the connection. */
    default boolean needsClose() {
        return false;
    }

    default Expectation and(Expectation other) {
        Expectation self = this;
        return new Expectation() {
            @Override
            public String describe() {
                return self.describe() + " and " + other.describe();
            }

            @Override
            public boolean matches(Observation o) {
                return self.matches(o) && other.matches(o);
            }

            @Override
            public boolean needsClose() {
                return self.needsClose() || other.needsClose();
            }
        };
    }

    default Expectation or(Expectation other) {
        Expectation self = this;
        return new Expectation() {
            @Override
            public String describe() {
                return self.describe() + " or " + other.describe();
            }

            @Override
            public boolean matches(Observation o) {
                return self.matches(o) || other.matches(o);
            }

            @Override
            public boolean needsClose() {
                return self.needsClose() || other.needsClose();
            }
        };
    }

    /** An outcome given by a description and a predicate. */
    static Expectation of(String description, boolean needsClose, Predicate<Observation> predicate) {
        return new Expectation() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public boolean matches(Observation o) {
                return predicate.test(o);
            }

            @Override
            public boolean needsClose() {
                return needsClose;
            }
        };
    }
}
