package io.h1kit.reports.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether a target is expected to get through a scenario: stage 2 is expected to fail the many
 * slow clients scenario, for example, and the report says why instead of showing a bare failure.
 * {@code failed} is a gating expectation that did not hold, with what was missed as the reason.
 */
public record Expectation(Outcome outcome, String reason) {
    public static final Expectation PASS = new Expectation(Outcome.PASS, null);

    public enum Outcome {
        @JsonProperty("pass") PASS,
        @JsonProperty("expected-to-fail") EXPECTED_TO_FAIL,
        @JsonProperty("failed") FAILED
    }

    public static Expectation failed(String reason) {
        return new Expectation(Outcome.FAILED, reason);
    }

    public boolean expectedToFail() {
        return outcome == Outcome.EXPECTED_TO_FAIL;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
