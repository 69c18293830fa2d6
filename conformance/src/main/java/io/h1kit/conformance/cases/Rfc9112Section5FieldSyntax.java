package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Header field syntax (RFC 9112 §5, RFC 9110 §5): HDR rows. */
public final class Rfc9112Section5FieldSyntax implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
