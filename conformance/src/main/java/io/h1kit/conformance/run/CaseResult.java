package io.h1kit.conformance.run;

import io.h1kit.conformance.lint.Finding;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Verdict;

import java.util.List;

/**
 * What one case concluded, and why.
 *
 * @param kase        the case
 * @param verdict     the verdict
 * @param matched     the accepted outcome that decided it, in words; or why none applied
 * @param observation what the probe saw; null when the case did not run (SKIP, DEP-FAIL)
 * @param lint        rules the responses broke (reported with the case; judged by RESP-xx)
 * @param millis      how long the case took
 */
public record CaseResult(Case kase, Verdict verdict, String matched, Observation observation, List<Finding> lint,
                         long millis) {

    /** Whether this result fails the run. */
    public boolean gates(boolean strict) {
        return switch (verdict) {
            case FAIL -> kase.level().gates(strict);
            case NON_STRICT -> strict && kase.level() != io.h1kit.conformance.model.Level.MAY;
            case ERROR -> true;
            default -> false;
        };
    }
}
