package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Conditional requests (RFC 9110 §13) on the static-file fixture: COND rows. */
public final class Rfc9110Section13ConditionalRequests implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
