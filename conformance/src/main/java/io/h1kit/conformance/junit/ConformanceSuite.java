package io.h1kit.conformance.junit;

import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.report.Describe;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import io.h1kit.conformance.run.Runner;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import java.util.stream.Stream;

/**
 * The suite as JUnit 5 dynamic tests, to embed in a server's own build:
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; conformance() {
 *     return ConformanceSuite.dynamicTests("127.0.0.1:" + server.port(), RunOptions.defaults(Profile.HTTP));
 * }
 * </pre>
 * The suite runs once when the factory is called; each case then becomes one test, named by its
 * id and title. A case that gates (FAIL at MUST; SHOULD and NON-STRICT too with strict options)
 * fails its test with the accepted and observed outcomes; SKIP and DEP-FAIL abort theirs with the
 * reason (shown as skipped); everything else passes.
 */
public final class ConformanceSuite {
    private ConformanceSuite() {
    }

    public static Stream<DynamicTest> dynamicTests(String hostPort, RunOptions options) {
        RunResult result = run(Target.parse(hostPort), options);
        return dynamicTests(result);
    }

    /** Runs the suite and returns its result, for tests that assert on it as a whole. */
    public static RunResult run(Target target, RunOptions options) {
        return new Runner(options, r -> { }).run(target);
    }

    public static Stream<DynamicTest> dynamicTests(RunResult result) {
        if (!result.reachable()) {
            return Stream.of(DynamicTest.dynamicTest("target " + result.target().hostPort() + " is reachable",
                    () -> Assertions.fail("could not connect to " + result.target().hostPort())));
        }
        boolean strict = result.options().strict();
        return result.results().stream().map(r -> DynamicTest.dynamicTest(r.kase().id() + " " + r.kase().title(),
                () -> check(r, strict)));
    }

    private static void check(CaseResult r, boolean strict) {
        if (r.verdict() == Verdict.SKIP || r.verdict() == Verdict.DEP_FAIL) {
            Assumptions.abort(r.verdict() + ": " + r.matched());
        }
        if (r.gates(strict)) {
            Assertions.fail(Describe.failure(r));
        }
    }

    /** Convenience for the HTTP profile with default options. */
    public static Stream<DynamicTest> http(String hostPort) {
        return dynamicTests(hostPort, RunOptions.defaults(Profile.HTTP));
    }

    /** Convenience for the echo profile with default options. */
    public static Stream<DynamicTest> echo(String hostPort) {
        return dynamicTests(hostPort, RunOptions.defaults(Profile.ECHO));
    }
}
