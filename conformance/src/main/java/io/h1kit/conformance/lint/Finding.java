package io.h1kit.conformance.lint;

/**
 * One rule a response broke, found by the passive lint.
 *
 * @param ref     the catalogue row of the rule, for example {@code RESP-03}
 * @param message what was wrong, for the report
 */
public record Finding(String ref, String message) {
}
