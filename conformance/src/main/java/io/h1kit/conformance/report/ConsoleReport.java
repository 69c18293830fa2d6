package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CapabilityStatus;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console side of a run: one line per case that did not pass as it is decided, then the
 * capabilities, the counts and what gates. Lines are stable enough to grep in CI logs.
 */
public final class ConsoleReport {
    private final PrintWriter out;
    private final boolean verbose;

    /** @param verbose print passing cases too */
    public ConsoleReport(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** One result, as it is decided. */
    public void progress(CaseResult r) {
        if (r.verdict() == Verdict.PASS && !verbose) {
            return;
        }
        String observed = r.observation() == null ? r.matched() : r.observation().summary();
        out.printf("%-10s %-16s %-10s %-9s %s: %s%n", r.verdict(), r.kase().id(), r.kase().ref(), r.kase().level(),
                r.kase().title(), r.verdict() == Verdict.PASS ? r.matched() : observed);
        out.flush();
    }

    /** The end of a run against one target. */
    public void summary(RunResult result) {
        if (!result.reachable()) {
            out.printf("h1kit conformance: cannot connect to %s%n", result.target().hostPort());
            out.flush();
            return;
        }
        out.printf("%ntarget %s (%s profile), %.1f s%n", result.target().name(), result.options().profile().label(),
                result.millis() / 1000.0);
        for (Map.Entry<Capability, CapabilityStatus> e : result.capabilities().entrySet()) {
            CapabilityStatus s = e.getValue();
            out.printf("  capability %-13s %-3s (%s%s)%n", e.getKey().label(), s.present() ? "yes" : "no", s.source(),
                    s.present() ? "" : ": " + s.detail());
        }
        Map<Verdict, Long> counts = result.counts();
        out.printf("  %d cases: %s%n", result.results().size(), counts.entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        var gating = result.gating();
        if (result.baselineFailed()) {
            out.println("  the baseline case failed: nothing else can be judged (exit 3)");
        } else if (gating.isEmpty()) {
            out.printf("  no gating failures%s (exit 0)%n", result.options().strict() ? " in strict mode" : "");
        } else {
            out.printf("  %d gating failure(s)%s: %s (exit %d)%n", gating.size(),
                    result.options().strict() ? " in strict mode" : "",
                    gating.stream().map(r -> r.kase().id()).collect(Collectors.joining(", ")), result.exitCode());
        }
        out.flush();
    }
}
