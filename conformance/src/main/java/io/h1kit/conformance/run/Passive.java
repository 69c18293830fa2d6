package io.h1kit.conformance.run;

import io.h1kit.conformance.lint.Finding;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Verdict;

import java.util.Collection;
import java.util.List;

/**
 * Passive cases: the response invariants (RESP-01 to RESP-11), judged from the lint findings of
 * every response the run received rather than by requests of their own.
 */
final class Passive {
    private Passive() {
    }

    static CaseResult judge(Case c, Collection<CaseResult> results) {
        int responses = 0;
        for (CaseResult r : results) {
            if (r.observation() != null) {
                responses += r.observation().count() + r.observation().interim().size();
            }
        }
        if (responses == 0) {
            return new CaseResult(c, Verdict.SKIP, "no response was received to check", null, List.of(), 0);
        }
        for (CaseResult r : results) {
            for (Finding f : r.lint()) {
                if (f.ref().equals(c.ref())) {
                    return new CaseResult(c, c.otherwise() == Verdict.INFO ? Verdict.INFO : Verdict.FAIL,
                            f.message() + " (in " + r.kase().id() + ")", null, List.of(f), 0);
                }
            }
        }
        return new CaseResult(c, Verdict.PASS, "holds on all " + responses + " responses", null, List.of(), 0);
    }
}
