package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.run.CaseResult;

import java.util.List;

/**
 * How a target's answer to a case differs from a reference server's, in HTTP Garden's taxonomy
 * ({@code tools/diff.py}). STREAM is the one to worry about: the two servers delimited the same
 * bytes differently, which is what request smuggling through a proxy needs.
 */
public enum Divergence {
    /** Same verdict and the same statuses. */
    OK("same verdict and statuses"),
    /** One accepted the request (a 1xx-3xx answer), the other rejected it (4xx, 5xx or a close). */
    TYPE("one accepted, the other rejected"),
    /** Both accepted or both rejected, with different statuses (or the same statuses and verdicts apart). */
    RESPONSE("statuses or verdicts differ"),
    /** The number of responses differs: the two delimited the messages differently (framing disagreement). */
    STREAM("response counts differ: framing disagreement"),
    /** One side did not run the case (SKIP, DEP-FAIL, ERROR, or a passive case) and the verdicts differ. */
    NOT_COMPARED("not compared: one side did not run the case");

    private final String meaning;

    Divergence(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * Classifies one pair. Order matters: a response-count difference when both answered is STREAM
     * even if one of them rejected, because a framing disagreement is the more serious finding.
     */
    public static Divergence classify(CaseResult target, CaseResult reference) {
        Observation t = target.observation();
        Observation r = reference.observation();
        if (t == null || r == null) {
            return target.verdict() == reference.verdict() ? OK : NOT_COMPARED;
        }
        List<Integer> ts = statuses(t);
        List<Integer> rs = statuses(r);
        if (target.verdict() == reference.verdict() && ts.equals(rs)) {
            return OK;
        }
        if (ts.size() != rs.size() && !ts.isEmpty() && !rs.isEmpty()) {
            return STREAM;
        }
        if (accepted(ts) != accepted(rs)) {
            return TYPE;
        }
        return RESPONSE;
    }

    /** The final statuses in order. */
    public static List<Integer> statuses(Observation o) {
        return o.responses().stream().map(w -> w.status()).toList();
    }

    /** Whether the first answer accepted the request: a 1xx to 3xx status. */
    static boolean accepted(List<Integer> statuses) {
        return !statuses.isEmpty() && statuses.getFirst() >= 100 && statuses.getFirst() < 400;
    }
}
