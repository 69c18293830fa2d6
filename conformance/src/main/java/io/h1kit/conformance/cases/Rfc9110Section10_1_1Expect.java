package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Expect and 100-continue (RFC 9110 §10.1.1): EXP rows. */
public final class Rfc9110Section10_1_1Expect implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
