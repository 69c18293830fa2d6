package io.h1kit.conformance.report;

import io.h1kit.conformance.run.RunResult;

import java.time.Instant;
import java.util.List;

/**
 * Everything one {@code h1kit conformance} invocation reports: the command that re-runs it, when,
 * the suite's version, each target's judged run, and the reference run when there was one.
 *
 * @param command   the command line that re-runs it ({@code ./h1kit conformance ...})
 * @param generated when the reports were made
 * @param version   the suite's version
 * @param targets   each target's judged run, in the order given
 * @param reference the reference's run in differential mode, or null
 */
public record Session(String command, Instant generated, String version, List<TargetReport> targets, RunResult reference) {
    public static final String SCHEMA = "h1kit-conformance/1";

    public Session {
        targets = List.copyOf(targets);
    }

    /** The worst exit code of the targets (the reference never gates). */
    public int exitCode() {
        int exit = RunResult.EXIT_PASS;
        for (TargetReport t : targets) {
            exit = ExitCodes.worse(exit, t.exitCode());
        }
        return exit;
    }

    /** How long the runs took in all (targets and the reference run one after another). */
    public long millis() {
        long total = targets.stream().mapToLong(t -> t.run().millis()).sum();
        return reference == null ? total : total + reference.millis();
    }

    /** The suite's version: the jar's, else "development build". */
    public static String toolVersion() {
        String v = Session.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (var in = Session.class.getResourceAsStream("/META-INF/maven/io.h1kit/conformance/pom.properties")) {
            if (in != null) {
                var p = new java.util.Properties();
                p.load(in);
                String fromPom = p.getProperty("version");
                if (fromPom != null) {
                    return fromPom;
                }
            }
        } catch (java.io.IOException e) {
            // fall through: the version is for the reader only
        }
        return "development build";
    }
}
