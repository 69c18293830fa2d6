package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Request smuggling vectors (RFC 9112 §11.2), judged by the sentinel: SMUG rows. */
public final class Rfc9112Section11_2RequestSmuggling implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
