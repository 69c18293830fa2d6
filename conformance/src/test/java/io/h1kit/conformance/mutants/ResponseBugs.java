package io.h1kit.conformance.mutants;

import io.h1kit.conformance.mutants.shim.HeadText;

/** The response-side rewrites of the byte shims, one per seeded bug; heads are ISO-8859-1 text. */
final class ResponseBugs {
    private ResponseBugs() {
    }

    /** NO_DATE: responses carry no Date field, as from a server without a clock, or one that forgot it. */
    static String dateRemoved(String head) {
        return HeadText.of(head).mapFields(line -> line.named("Date") ? null : line).text();
    }
}
