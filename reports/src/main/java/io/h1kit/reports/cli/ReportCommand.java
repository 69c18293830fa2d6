package io.h1kit.reports.cli;

import io.h1kit.reports.Report;
import io.h1kit.reports.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code h1kit report}: turns the suites' results into one HTML page and report.json. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes one report from the suites' results: index.html with a sibling h1kit.css "
                + "(readable with JavaScript off), and report.json (schema h1kit-report/1).",
                "It finds its inputs under --in by their schema: a load run (h1kit-load/1), conformance "
                + "report.json files (h1kit-conformance/1) and a stress summary.json (h1kit-stress/1); "
                + "a section without input is left out. Code size, and coverage where JaCoCo XML "
                + "reports exist, come from --source."},
        footer = {"", "Exit status:",
                "  0  the report was written (and, with --baseline, nothing regressed)",
                "  1  the report was written, and a figure regressed beyond --threshold",
                "  2  usage error (one line on stderr)",
                "  4  internal error: an input could not be read or the report not written"})
public final class ReportCommand implements Callable<Integer> {
    static final int EXIT_REGRESSED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 4;

    @Option(names = "--in", paramLabel = "DIR", required = true, description = "The results folder to read.")
    Path in;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the report.")
    Path out;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous run's load JSON (h1kit-load/1): lower throughput or higher p99 "
                    + "beyond --threshold is flagged.")
    Path baseline;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "10", // Regressions.DEFAULT_THRESHOLD
            description = "The change that counts as a regression, in percent (default: ${DEFAULT-VALUE}).")
    double thresholdPercent;

    @Option(names = "--source", paramLabel = "DIR",
            description = "The kit's source tree, for code size and coverage (default: the kit's home, "
                    + "or the current folder).")
    Path source;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(in)) {
            problems.add("--in " + in + " is not a folder");
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            problems.add("--baseline " + baseline + " is not a file");
        }
        if (!(thresholdPercent >= 0)) {
            problems.add("--threshold must be 0 or more");
        }
        if (!problems.isEmpty()) {
            err.println("h1kit: " + problems.getFirst());
            err.flush();
            return EXIT_USAGE;
        }
        Path src = source != null ? source : Path.of(System.getProperty("h1kit.home", "."));
        try {
            Report report = new ReportWriter(Clock.systemUTC())
                    .build(new ReportWriter.Options(in, out, src, baseline, thresholdPercent / 100));
            ReportWriter.write(report, out);
            PrintWriter o = spec.commandLine().getOut();
            o.println("report: " + out.resolve("index.html"));
            if (!report.regressions().isEmpty()) {
                o.println(report.regressions().size() + " regression(s) beyond " + thresholdPercent + " %");
            }
            o.flush();
            return report.regressions().isEmpty() ? 0 : EXIT_REGRESSED;
        } catch (IOException | RuntimeException e) {
            err.println("h1kit: report failed: " + e.getMessage());
            err.flush();
            return EXIT_INTERNAL;
        }
    }
}
