package io.h1kit.conformance.nginx;

import io.h1kit.conformance.ReferenceServers;
import io.h1kit.conformance.VerdictSnapshot;
import io.h1kit.conformance.junit.ConformanceSuite;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.report.Describe;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.Catalog;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * nginx as a real reference (catalogue §4.3): a stock nginx serving the fixture tree runs the
 * http profile, and every case's verdict must equal the one in {@code baselines/nginx-X.Y.json}.
 * A difference means the suite changed its mind about a real, widely deployed server: either a
 * case changed (then the baseline is regenerated on purpose, and the diff reviewed) or a case is
 * wrong. nginx has no /echo fixture, so the (E) cases are SKIP; it does serve the file fixture.
 *
 * <p>{@code -Dh1kit.nginx.update=true} rewrites the baseline from this run instead of comparing.
 * The slow cases are left out, because they wait for nginx's own timeouts (client_header_timeout
 * and client_body_timeout 60 s, keepalive_timeout 75 s): {@code -Dh1kit.nginx.slow=true} runs
 * them too, waiting up to {@link #SLOW_SERVER_TIMEOUT} for each, about two minutes more. The
 * baseline keeps their verdicts from the last slow run.
 */
class NginxConformanceTest {
    /** Relative to the conformance module, the tests' working folder. */
    static final Path BASELINES = VerdictSnapshot.FOLDER;
    /** Above nginx's longest default timeout (keepalive_timeout 75 s). */
    static final Duration SLOW_SERVER_TIMEOUT = Duration.ofSeconds(80);
    private static final boolean UPDATE = Boolean.getBoolean("h1kit.nginx.update");
    private static final boolean SLOW = Boolean.getBoolean("h1kit.nginx.slow");

    @Test
    void nginxGetsTheVerdictsOfItsBaseline() throws Exception {
        Optional<Path> binary = Nginx.find();
        String named = System.getProperty("h1kit.nginx", "");
        assumeTrue(binary.isPresent(), named.isBlank()
                ? "nginx is not installed: install Debian's nginx (apt-get install nginx; .ci/run does so where it can) "
                        + "to compare its verdicts with " + BASELINES.toAbsolutePath()
                : "nginx is not installed at " + named + " (-Dh1kit.nginx): it is not an executable file");
        String version = Nginx.version(binary.get());
        Path file = BASELINES.resolve("nginx-" + version.substring(0, version.lastIndexOf('.')) + ".json");
        assumeTrue(UPDATE || Files.exists(file), "no baseline for nginx " + version + " (" + file.toAbsolutePath()
                + "): create it with -Dh1kit.nginx.update=true");

        String target = "nginx " + version;
        RunResult run;
        try (Nginx nginx = Nginx.start(binary.get(), ReferenceServers.FIXTURE_ROOT)) {
            run = ConformanceSuite.run(Target.of(target, nginx.address()), options());
        }
        assertTrue(run.reachable(), "nginx started but the suite could not connect to it");
        CaseResult baseline = run.result(Case.HTTP_BASELINE);
        assertEquals(Verdict.PASS, baseline.verdict(), () -> "nginx must answer GET / with a 2xx (the template's "
                + "autoindex and root); everything else depends on it:\n" + Describe.failure(baseline));

        Set<String> notRun = SLOW ? Set.of() : slowCases();
        List<String> differences = VerdictSnapshot.compare(run, target, file, notRun, UPDATE);
        if (UPDATE) {
            System.out.println("nginx baseline written: " + file.toAbsolutePath());
            return;
        }
        assertTrue(differences.isEmpty(), () -> target + " no longer gets the verdicts of " + file + ", "
                + differences.size() + " difference(s):\n  " + String.join("\n  ", differences) + "\n"
                + VerdictSnapshot.evidence(run, differences)
                + "\nIf the change is intended (a case was added or corrected), regenerate the baseline with\n"
                + "  ./mvnw -B test -pl conformance -am -Dtest=NginxConformanceTest -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dh1kit.nginx.update=true\nand review its diff.");
    }

    private static RunOptions options() {
        RunOptions defaults = RunOptions.defaults(Profile.HTTP);
        if (SLOW) {
            return defaults.withBudgets(defaults.budgets().withServerTimeout(SLOW_SERVER_TIMEOUT));
        }
        return defaults.withExclude(List.copyOf(slowCases()));
    }

    private static Set<String> slowCases() {
        return Catalog.select(Profile.HTTP, List.of(), List.of()).stream().filter(Case::slow).map(Case::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
