package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** The chunked coding (RFC 9112 §7.1): CHK rows. */
public final class Rfc9112Section7_1ChunkedCoding implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
