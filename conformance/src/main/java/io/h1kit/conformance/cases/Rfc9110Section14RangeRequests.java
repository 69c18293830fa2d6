package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Range requests (RFC 9110 §14) on the static-file fixture: RANGE rows. */
public final class Rfc9110Section14RangeRequests implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of();
    }
}
