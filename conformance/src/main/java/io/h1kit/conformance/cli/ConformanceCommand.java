package io.h1kit.conformance.cli;

import io.h1kit.cli.DurationConverter;
import io.h1kit.conformance.model.Budgets;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.report.Baseline;
import io.h1kit.conformance.report.BaselineCheck;
import io.h1kit.conformance.report.ConsoleReport;
import io.h1kit.conformance.report.Differential;
import io.h1kit.conformance.report.ReportFiles;
import io.h1kit.conformance.report.Rerun;
import io.h1kit.conformance.report.Session;
import io.h1kit.conformance.report.TargetReport;
import io.h1kit.conformance.run.Catalog;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import io.h1kit.conformance.run.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code h1kit conformance}: runs the suite against one or more targets (and a reference server in
 * differential mode), prints a summary, writes report.json, junit.xml and report.html, and exits
 * with a status CI can gate on.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the RFC 9112/9110 (or RFC 862 echo) conformance suite against any host:port.",
        footer = {"", "Exit status:",
                "  0  no gating failure",
                "  1  gating failures: MUST cases; with --strict also SHOULD, hardening and",
                "     NON-STRICT outcomes; cases a --baseline lists as failing that now pass",
                "  2  usage error (one line on stderr)",
                "  3  a target unreachable, or its baseline case (RL-01 / ECHO-01) failed",
                "  4  internal error of the suite",
                "", "Reports: report.json (schema h1kit-conformance/1), junit.xml (Surefire format)",
                "and report.html (one file, no script) in the --out folder."})
public final class ConformanceCommand implements Callable<Integer> {
    private static final DateTimeFormatter OUT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Option(names = "--target", paramLabel = "[NAME=]HOST:PORT", description = "The server to test; repeat for a matrix.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "http|echo", defaultValue = "http",
            description = "Which cases: http (RFC 9112/9110) or echo (RFC 862) (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--strict", description = "SHOULD and hardening failures, and NON-STRICT outcomes, gate too.")
    boolean strict;

    @Option(names = "--include", paramLabel = "ID", split = ",",
            description = "Run only cases whose id or catalogue row starts with ID (9112-6.1, TE-, CHK-07).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "ID", split = ",", description = "Leave out cases whose id or row starts with ID.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--claim", paramLabel = "CAPABILITY", split = ",",
            description = "Capabilities the target claims: persistent, pipelining, echo-fixture, file-fixture, concurrent.")
    List<String> claims = new ArrayList<>();

    @Option(names = "--no-probe", description = "Do not probe for capabilities that are not claimed.")
    boolean noProbe;

    @Option(names = "--list", description = "Print the selected cases (id, catalogue row, level, title) and exit.")
    boolean list;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write report.json, junit.xml and report.html (default: out/conformance/<yyyyMMdd-HHmmss>).")
    Path out;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Known verdicts (h1kit-conformance-baseline/1): known failures do not gate; listed failures that now pass do.")
    Path baselineFile;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record this run's non-PASS verdicts as a baseline file (one target only).")
    Path writeBaseline;

    @Option(names = "--reference", paramLabel = "[NAME=]HOST:PORT",
            description = "Differential mode: run every case against this server too and compare; it never gates.")
    String reference;

    @Option(names = "--host-header", paramLabel = "HOST", defaultValue = RunOptions.HOST,
            description = "The Host value requests carry (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--response-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "3s",
            description = "How long to wait for a response that should come at once (default: ${DEFAULT-VALUE}).")
    Duration responseTimeout;

    @Option(names = "--close-window", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1s",
            description = "How long to poll for a close after the last response (default: ${DEFAULT-VALUE}).")
    Duration closeWindow;

    @Option(names = "--server-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "The longest the suite waits for the server's own timeouts (default: ${DEFAULT-VALUE}).")
    Duration serverTimeout;

    @Option(names = "--verbose", description = "Print passing cases too.")
    boolean verbose;

    /** Unknown options and stray arguments, reported as one line rather than picocli's usage text. */
    @CommandLine.Unmatched
    List<String> unmatched = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            err.println("h1kit: " + e.getMessage());
            err.flush();
            return RunResult.EXIT_USAGE;
        }
        if (list) {
            for (Case c : Catalog.select(plan.options().profile(), plan.options().include(), plan.options().exclude())) {
                stdout.printf("%-16s %-10s %-9s %s%n", c.id(), c.ref(), c.level(), c.title());
            }
            stdout.flush();
            return RunResult.EXIT_PASS;
        }
        try {
            return run(plan, stdout, err);
        } catch (IOException e) {
            err.println("h1kit: cannot write the reports: " + e.getMessage());
            err.flush();
            return RunResult.EXIT_INTERNAL;
        } catch (RuntimeException e) {
            err.println("h1kit: internal error: " + e);
            err.flush();
            return RunResult.EXIT_INTERNAL;
        }
    }

    /** What the command line asks for, checked before anything runs. */
    private record Plan(RunOptions options, List<Target> targets, Target reference, Baseline baseline, Path outDir) {
    }

    private Plan plan() {
        if (!unmatched.isEmpty()) {
            String first = unmatched.getFirst();
            throw new IllegalArgumentException((first.startsWith("-") ? "unknown option '" : "unexpected argument '")
                    + first + "' (see h1kit conformance --help)");
        }
        RunOptions options = options();
        List<Target> parsed = new ArrayList<>();
        for (String t : targets) {
            parsed.add(Target.parse(t));
        }
        Target ref = reference == null ? null : Target.parse(reference);
        if (list) {
            return new Plan(options, parsed, ref, null, null);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("--target HOST:PORT is required (or --list)");
        }
        if (writeBaseline != null && parsed.size() > 1) {
            throw new IllegalArgumentException("--write-baseline records one target; give a single --target");
        }
        Baseline baseline = baselineFile == null ? null : Baseline.read(baselineFile);
        return new Plan(options, parsed, ref, baseline, outDir());
    }

    /** The report folder, created now so that a bad --out fails before the run, not after it. */
    private Path outDir() {
        Path dir = out;
        if (dir == null) {
            Path base = Path.of("out", "conformance", LocalDateTime.now().format(OUT_STAMP));
            dir = base;
            for (int n = 2; Files.exists(dir); n++) {
                dir = Path.of(base + "-" + n);
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create --out folder " + dir + ": " + e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("cannot write to --out folder " + dir);
        }
        return dir;
    }

    private int run(Plan plan, PrintWriter stdout, PrintWriter err) throws IOException {
        ConsoleReport console = new ConsoleReport(stdout, verbose);
        RunResult ref = null;
        if (plan.reference() != null) {
            ref = new Runner(plan.options(), r -> { }).run(plan.reference());
            console.reference(ref);
        }
        Set<String> catalogue = Catalog.all().stream().map(Case::id).collect(java.util.stream.Collectors.toSet());
        String source = baselineFile == null ? null : baselineFile.toString();
        List<TargetReport> reports = new ArrayList<>();
        for (Target target : plan.targets()) {
            if (plan.targets().size() > 1 || ref != null) {
                console.starting("target", target);
            }
            RunResult result = new Runner(plan.options(), console::progress).run(target);
            TargetReport report = new TargetReport(result,
                    plan.baseline() == null ? null : BaselineCheck.of(plan.baseline(), source, result, catalogue),
                    ref == null ? null : Differential.of(result, ref));
            console.summary(report);
            reports.add(report);
        }
        Session session = new Session(command(), Instant.now(), Session.toolVersion(), reports, ref);
        ReportFiles files = ReportFiles.write(session, plan.outDir());
        if (writeBaseline != null) {
            RunResult only = reports.getFirst().run();
            if (only.reachable()) {
                Baseline recorded = Baseline.of(only);
                recorded.write(writeBaseline);
                stdout.printf("%nbaseline written: %s (%d known non-PASS verdicts)%n", writeBaseline, recorded.known().size());
            } else {
                err.printf("h1kit: baseline not written: %s was unreachable%n", only.target().hostPort());
                err.flush();
            }
        }
        console.files(files);
        return session.exitCode();
    }

    /** The command line that re-runs this one, as the reports print it. */
    private String command() {
        List<String> args = new ArrayList<>(List.of("./h1kit", "conformance"));
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        List<String> original = parsed == null ? List.of() : parsed.originalArgs();
        int start = original.indexOf("conformance");
        args.addAll(start >= 0 ? original.subList(start + 1, original.size()) : original);
        return Rerun.join(args);
    }

    private RunOptions options() {
        Profile p = switch (profile.toLowerCase(Locale.ROOT)) {
            case "http" -> Profile.HTTP;
            case "echo" -> Profile.ECHO;
            default -> throw new IllegalArgumentException("--profile must be http or echo, not '" + profile + "'");
        };
        Set<Capability> claimed = EnumSet.noneOf(Capability.class);
        for (String c : claims) {
            claimed.add(Capability.parse(c.strip()));
        }
        Budgets budgets = new Budgets(Budgets.CONNECT, responseTimeout, closeWindow, serverTimeout);
        return new RunOptions(p, strict, include, exclude, budgets, host, claimed, !noProbe, RunOptions.SLOW_THREADS);
    }
}
