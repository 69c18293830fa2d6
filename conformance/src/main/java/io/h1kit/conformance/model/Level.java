package io.h1kit.conformance.model;

/**
 * The strongest normative keyword behind a case's expectation. MUST cases gate; SHOULD and
 * hardening cases gate only under {@code --strict}; MAY cases never gate (h2spec's Strict).
 */
public enum Level {
    MUST,
    SHOULD,
    MAY,
    /** No normative keyword: a robustness or security expectation (slowloris, traversal, limits). */
    HARDENING;

    /** Whether a FAIL at this level fails the run. */
    public boolean gates(boolean strict) {
        return this == MUST || strict && (this == SHOULD || this == HARDENING);
    }
}
