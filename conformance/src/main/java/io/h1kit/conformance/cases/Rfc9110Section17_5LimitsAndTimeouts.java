package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Limits and timeouts (RFC 9110 §17.5, RFC 9112 §9.5): LIM rows. */
public final class Rfc9110Section17_5LimitsAndTimeouts implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
