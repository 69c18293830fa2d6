package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Verdict;

import java.util.Locale;

/**
 * The names reports share: a case's group (its catalogue row's prefix, RL-01 → RL), the printed
 * spelling of a verdict (NON-STRICT, DEP-FAIL), and the CSS class of a verdict.
 */
public final class Group {
    private Group() {
    }

    /** The catalogue group: the row's letters before the dash (MSG, RL, TE, ..., ECHO). */
    public static String of(Case c) {
        String ref = c.ref();
        int dash = ref.indexOf('-');
        return dash > 0 ? ref.substring(0, dash) : ref;
    }

    /** The verdict as the catalogue writes it: PASS, NON-STRICT, FAIL, INFO, SKIP, DEP-FAIL, ERROR. */
    public static String label(Verdict v) {
        return v.name().replace('_', '-');
    }

    /** Reads a verdict in either spelling (NON_STRICT or NON-STRICT, any case); null when unknown. */
    public static Verdict verdict(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Verdict v : Verdict.values()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** Whether a verdict counts as failing for the baseline: FAIL, NON-STRICT or ERROR. */
    public static boolean failing(Verdict v) {
        return v == Verdict.FAIL || v == Verdict.NON_STRICT || v == Verdict.ERROR;
    }
}
