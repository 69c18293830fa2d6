package io.h1kit.conformance.run;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run against one target.
 *
 * @param target       the target
 * @param options      how it was run
 * @param reachable    whether the suite could connect at all
 * @param capabilities what the target offers, and how the suite knows
 * @param results      one result per selected case, in catalogue order
 * @param started      when the run began
 * @param millis       how long it took
 */
public record RunResult(Target target, RunOptions options, boolean reachable, Map<Capability, CapabilityStatus> capabilities,
                        List<CaseResult> results, Instant started, long millis) {

    /** Exit codes of {@code h1kit conformance}; {@code report.TargetReport} decides which applies. */
    public static final int EXIT_PASS = 0;
    public static final int EXIT_GATING_FAILURES = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNREACHABLE = 3;
    public static final int EXIT_INTERNAL = 4;

    public Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        for (CaseResult r : results) {
            counts.merge(r.verdict(), 1L, Long::sum);
        }
        return counts;
    }

    /** Whether the profile's baseline case ran and failed: nothing else can be judged. */
    public boolean baselineFailed() {
        return results.stream().anyMatch(r -> (r.kase().id().equals(Case.HTTP_BASELINE) || r.kase().id().equals(Case.ECHO_BASELINE))
                && (r.verdict() == Verdict.FAIL || r.verdict() == Verdict.ERROR));
    }

    public CaseResult result(String id) {
        return results.stream().filter(r -> r.kase().id().equals(id)).findFirst().orElse(null);
    }
}
