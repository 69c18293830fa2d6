package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** The Host field (RFC 9112 §3.2, RFC 9110 §7.2): HOST rows. */
public final class Rfc9110Section7_2Host implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
