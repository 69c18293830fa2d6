package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Content-Length framing (RFC 9112 §6.2, §6.3): CL rows. */
public final class Rfc9112Section6_2ContentLength implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
