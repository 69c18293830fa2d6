package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;

import java.util.List;

/**
 * One target's run as the reports judge it: the run, its comparison with a baseline (or null), and
 * its pairing with a reference run (or null). What gates and the exit code come from here, so
 * that the console, the JSON, the JUnit XML and the HTML agree.
 *
 * @param run          the run against the target
 * @param baseline     the run against the known verdicts, or null without {@code --baseline}
 * @param differential the run beside the reference's, or null without {@code --reference}
 */
public record TargetReport(RunResult run, BaselineCheck baseline, Differential differential) {

    public static TargetReport of(RunResult run) {
        return new TargetReport(run, null, null);
    }

    /** Whether a result fails the run, the baseline taken into account. */
    public boolean gates(CaseResult r) {
        boolean strict = run.options().strict();
        return baseline == null ? r.gates(strict) : baseline.gates(r, strict);
    }

    /** The results that fail the run, in run order. */
    public List<CaseResult> gating() {
        return run.results().stream().filter(this::gates).toList();
    }

    /** What the baseline says about a case, or null. */
    public BaselineCheck.Entry standing(CaseResult r) {
        return baseline == null ? null : baseline.entry(r.kase().id());
    }

    /**
     * 3 unreachable or baseline case failed (a baseline file cannot excuse that: nothing else can be
     * judged), 4 a gating ERROR, 1 other gating results, 0 otherwise.
     */
    public int exitCode() {
        if (!run.reachable() || run.baselineFailed()) {
            return RunResult.EXIT_UNREACHABLE;
        }
        List<CaseResult> gating = gating();
        if (gating.stream().anyMatch(r -> r.verdict() == Verdict.ERROR)) {
            return RunResult.EXIT_INTERNAL;
        }
        return gating.isEmpty() ? RunResult.EXIT_PASS : RunResult.EXIT_GATING_FAILURES;
    }
}
