package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** HTTP-version (RFC 9112 §2.3, RFC 9110 §6.2): VER rows. */
public final class Rfc9112Section2_3HttpVersion implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
