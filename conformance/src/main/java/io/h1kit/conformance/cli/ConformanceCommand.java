package io.h1kit.conformance.cli;

import io.h1kit.cli.DurationConverter;
import io.h1kit.conformance.model.Budgets;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.report.ConsoleReport;
import io.h1kit.conformance.run.Catalog;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import io.h1kit.conformance.run.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code h1kit conformance}: runs the suite against one or more targets, prints a summary and
 * exits with a status CI can gate on.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the RFC 9112/9110 (or RFC 862 echo) conformance suite against any host:port.",
        footer = {"", "Exit status: 0 no gating failure; 1 gating failures (MUST cases, and with --strict SHOULD,",
                "hardening and NON-STRICT outcomes); 2 usage error; 3 target unreachable or its baseline case",
                "failed; 4 internal error of the suite."})
public final class ConformanceCommand implements Callable<Integer> {

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunOptions options;
        List<Target> parsed = new ArrayList<>();
        try {
            options = options();
            for (String t : targets) {
                parsed.add(Target.parse(t));
            }
        } catch (IllegalArgumentException e) {
            err.println("h1kit: " + e.getMessage());
            return RunResult.EXIT_USAGE;
        }
        if (list) {
            for (Case c : Catalog.select(options.profile(), options.include(), options.exclude())) {
                out.printf("%-16s %-10s %-9s %s%n", c.id(), c.ref(), c.level(), c.title());
            }
            out.flush();
            return 0;
        }
        if (parsed.isEmpty()) {
            err.println("h1kit: --target HOST:PORT is required (or --list)");
            return RunResult.EXIT_USAGE;
        }
        ConsoleReport console = new ConsoleReport(out, verbose);
        int exit = 0;
        for (Target target : parsed) {
            RunResult result = new Runner(options, console::progress).run(target);
            console.summary(result);
            exit = worse(exit, result.exitCode());
        }
        return exit;
    }

    /** The exit status of several targets: internal error, then unreachable, then failures. */
    static int worse(int a, int b) {
        int[] order = {RunResult.EXIT_INTERNAL, RunResult.EXIT_UNREACHABLE, RunResult.EXIT_GATING_FAILURES};
        for (int code : order) {
            if (a == code || b == code) {
                return code;
            }
        }
        return 0;
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
