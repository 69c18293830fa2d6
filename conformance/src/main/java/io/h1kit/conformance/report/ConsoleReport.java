package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CapabilityStatus;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console side of a run: one line per case that did not pass as it is decided, then the
 * capabilities, the counts, the baseline and reference comparisons, and what gates. Lines are
 * stable enough to grep in CI logs.
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
        out.printf("%-10s %-16s %-10s %-9s %s: %s%n", Group.label(r.verdict()), r.kase().id(), r.kase().ref(),
                r.kase().level(), Describe.printable(r.kase().title()),
                Describe.printable(r.verdict() == Verdict.PASS ? r.matched() : observed));
        out.flush();
    }

    /** A note before a run starts, so the progress lines that follow have a heading. */
    public void starting(String role, Target target) {
        out.printf("%s %s%s:%n", role, target.name(),
                target.name().equals(target.hostPort()) ? "" : " (" + target.hostPort() + ")");
        out.flush();
    }

    /** The end of a run against one target, without a baseline or reference. */
    public void summary(RunResult result) {
        summary(TargetReport.of(result));
    }

    /** The end of a run against one target. */
    public void summary(TargetReport report) {
        RunResult result = report.run();
        if (!result.reachable()) {
            out.printf("h1kit conformance: cannot connect to %s (exit 3)%n", result.target().hostPort());
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
                .filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + Group.label(e.getKey()))
                .collect(Collectors.joining(", ")));
        if (report.baseline() != null) {
            baseline(report);
        }
        if (report.differential() != null) {
            differential(report.differential());
        }
        List<CaseResult> gating = report.gating();
        String strict = result.options().strict() ? " in strict mode" : "";
        if (result.baselineFailed()) {
            out.println("  the baseline case failed: nothing else can be judged (exit 3)");
        } else if (gating.isEmpty()) {
            out.printf("  no gating failures%s (exit 0)%n", strict);
        } else {
            out.printf("  %d gating failure(s)%s: %s (exit %d)%n", gating.size(), strict,
                    gating.stream().map(r -> r.kase().id()).collect(Collectors.joining(", ")), report.exitCode());
        }
        out.flush();
    }

    private void baseline(TargetReport report) {
        BaselineCheck b = report.baseline();
        List<String> excused = b.excused(report.run());
        out.printf("  baseline %s: %d known failure(s) reported, not gating%s%n", b.source(), excused.size(),
                excused.isEmpty() ? "" : ": " + String.join(", ", excused));
        line("unexpected pass(es), gating until the baseline is updated (--write-baseline)",
                b.ids(BaselineCheck.Standing.UNEXPECTED_PASS), b);
        line("new failure(s) not in the baseline", b.ids(BaselineCheck.Standing.NEW_FAILURE), b);
        line("changed verdict(s)", b.ids(BaselineCheck.Standing.CHANGED), b);
        if (!b.unknownIds().isEmpty()) {
            out.printf("  baseline: %d id(s) the suite no longer has: %s%n", b.unknownIds().size(),
                    String.join(", ", b.unknownIds()));
        }
    }

    private void line(String what, List<String> ids, BaselineCheck b) {
        if (ids.isEmpty()) {
            return;
        }
        out.printf("  baseline: %d %s: %s%n", ids.size(), what, ids.stream()
                .map(id -> id + " (" + b.entry(id).describe() + ")").collect(Collectors.joining(", ")));
    }

    private void differential(Differential d) {
        RunResult ref = d.reference();
        if (!ref.reachable()) {
            out.printf("  reference %s: cannot connect to %s, nothing compared%n", ref.target().name(), ref.target().hostPort());
            return;
        }
        out.printf("  against reference %s: %s%n", ref.target().name(), d.counts().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        for (Differential.Pair p : d.pairs()) {
            if (p.divergence() != Divergence.OK) {
                out.printf("    %-12s %-16s %-10s %s%n", p.divergence(), p.id(), p.target().kase().ref(),
                        Describe.printable(p.describe()));
            }
        }
    }

    /** One line for the reference's run: its verdicts never gate. */
    public void reference(RunResult ref) {
        if (!ref.reachable()) {
            out.printf("reference %s: cannot connect to %s; the reports compare nothing (the reference never gates)%n",
                    ref.target().name(), ref.target().hostPort());
        } else {
            out.printf("reference %s (%s): %s (the reference never gates)%n", ref.target().name(), ref.target().hostPort(),
                    ref.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(e -> e.getValue() + " " + Group.label(e.getKey())).collect(Collectors.joining(", ")));
        }
        out.flush();
    }

    /** Where the reports went. */
    public void files(ReportFiles files) {
        out.println();
        out.println("reports:");
        out.println("  " + files.json());
        out.println("  " + files.junit());
        out.println("  " + files.html());
        out.flush();
    }
}
