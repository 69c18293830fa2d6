package io.h1kit.conformance.model;

import java.util.List;

/** A group of cases, one class per RFC section (h2spec: one file per section). */
public interface CaseSource {
    List<Case> cases();
}
