package io.h1kit.conformance;

import io.h1kit.conformance.junit.ConformanceSuite;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The suite over the kit's own reference servers, as part of ./h1kit test: every MUST case of the
 * echo profile passes against stage 1 and of the http profile against stage 2 (each case one test).
 */
class ReferenceServersConformanceTest {
    private static final Duration SERVER_TIMEOUT_BUDGET = Duration.ofSeconds(10);

    private static RunOptions options(Profile profile) {
        RunOptions defaults = RunOptions.defaults(profile);
        return defaults.withBudgets(defaults.budgets().withServerTimeout(SERVER_TIMEOUT_BUDGET));
    }

    static RunResult run(RunningServer server, Profile profile) {
        return ConformanceSuite.run(Target.of("h1kit-" + profile.label(), server.address()), options(profile));
    }

    @TestFactory
    Stream<DynamicTest> echoServerPassesTheEchoProfile() throws IOException {
        try (RunningServer server = ReferenceServers.echo()) {
            return ConformanceSuite.dynamicTests(run(server, Profile.ECHO));
        }
    }

    @TestFactory
    Stream<DynamicTest> sequentialServerPassesTheHttpProfile() throws IOException {
        try (RunningServer server = ReferenceServers.sequential()) {
            return ConformanceSuite.dynamicTests(run(server, Profile.HTTP));
        }
    }
}
