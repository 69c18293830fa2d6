package io.h1kit.conformance.model;

/** What a case concluded about a target (Autobahn's model, with cache-tests' DEP-FAIL). */
public enum Verdict {
    /** The preferred conformant behaviour. */
    PASS,
    /** Also conformant (MAY or SHOULD leeway) or a safe alternative; fails only under --strict. */
    NON_STRICT,
    /** No accepted outcome was observed. */
    FAIL,
    /** Recorded for information; the RFC leaves the behaviour open. */
    INFO,
    /** Not applicable: the target does not offer what the case needs (the reason says what). */
    SKIP,
    /** Not run: a case it depends on failed, so its own result would mislead. */
    DEP_FAIL,
    /** The harness itself failed (a bug in the suite, not in the target). */
    ERROR
}
