package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Persistence, pipelining and tear-down (RFC 9112 §9): CONN rows. */
public final class Rfc9112Section9_3Persistence implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
