package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One target's run beside a reference server's run of the same cases (differential mode). The
 * reference's verdicts are shown, never gated on.
 *
 * @param reference the reference's run
 * @param pairs     one pair per case both ran, in the target's order
 */
public record Differential(RunResult reference, List<Pair> pairs) {

    /**
     * A case's result on both sides.
     *
     * @param target     the target's result
     * @param reference  the reference's result
     * @param divergence how they differ
     */
    public record Pair(CaseResult target, CaseResult reference, Divergence divergence) {
        public String id() {
            return target.kase().id();
        }

        /** The two sides in words: "FAIL [200, 200] vs PASS [400] then closed". */
        public String describe() {
            return Group.label(target.verdict()) + " " + observed(target) + " vs " + Group.label(reference.verdict()) + " "
                    + observed(reference);
        }

        private static String observed(CaseResult r) {
            Observation o = r.observation();
            return o == null ? "(" + r.matched() + ")" : "(" + o.summary() + ")";
        }
    }

    public Differential {
        pairs = List.copyOf(pairs);
    }

    public static Differential of(RunResult target, RunResult reference) {
        List<Pair> pairs = new ArrayList<>();
        for (CaseResult t : target.results()) {
            CaseResult r = reference.result(t.kase().id());
            if (r != null) {
                pairs.add(new Pair(t, r, Divergence.classify(t, r)));
            }
        }
        return new Differential(reference, pairs);
    }

    /** The pair of a case, or null. */
    public Pair pair(String id) {
        return pairs.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    /** How many pairs of each kind, every kind listed. */
    public Map<Divergence, Long> counts() {
        Map<Divergence, Long> counts = new EnumMap<>(Divergence.class);
        for (Divergence d : Divergence.values()) {
            counts.put(d, 0L);
        }
        pairs.forEach(p -> counts.merge(p.divergence(), 1L, Long::sum));
        return counts;
    }
}
