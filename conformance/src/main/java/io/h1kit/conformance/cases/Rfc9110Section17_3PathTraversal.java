package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Path normalisation and traversal (RFC 9110 §17.3) on the fixture: PATH rows. */
public final class Rfc9110Section17_3PathTraversal implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
