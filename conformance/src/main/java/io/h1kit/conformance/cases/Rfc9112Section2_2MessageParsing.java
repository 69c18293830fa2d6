package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Message parsing and line endings (RFC 9112 §2.2): MSG rows. */
public final class Rfc9112Section2_2MessageParsing implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
