package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Response invariants (RFC 9110 §15, RFC 9112 §4, §6): RESP rows, judged passively on every response. */
public final class Rfc9110Section15ResponseInvariants implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
