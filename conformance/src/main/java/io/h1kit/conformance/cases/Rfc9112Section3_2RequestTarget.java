package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Request-target forms (RFC 9112 §3.2): TGT rows. */
public final class Rfc9112Section3_2RequestTarget implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
