package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** HEAD, OPTIONS, TRACE, CONNECT and unknown methods (RFC 9110 §9): METH rows. */
public final class Rfc9110Section9_3Methods implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
