package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Transfer-Encoding (RFC 9112 §6.1, §6.3): TE rows. */
public final class Rfc9112Section6_1TransferEncoding implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
