package io.h1kit.conformance.mutants;

import io.h1kit.conformance.junit.ConformanceSuite;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.mutants.shim.Transducers;
import io.h1kit.conformance.report.Describe;
import io.h1kit.conformance.report.TargetReport;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.Catalog;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Testing the tester (catalogue §4.1): every seeded-bug variant must FAIL at least one MUST case
 * of its profile (or, for the few bugs only SHOULD or hardening rows can see, a case at that
 * level), and the unmodified servers must fail none, both straight and behind a shim that
 * rewrites nothing (so a shim's kill comes from its rewrite, not from the proxy).
 *
 * <p>The verdict is taken over the whole run, never from a hand-picked list: a variant is caught
 * by whichever cases FAIL on it and pass on the unmodified server, and the message names them.
 * Each run leaves out the slow cases except the variant's own killer rows. The runs go in parallel
 * (each variant is its own server on its own port); {@code -Dh1kit.mutants=NAME,...} runs only
 * some variants and {@code -Dh1kit.mutants.threads=N} sets the parallelism.
 *
 * <p>A variant none of whose expected killer rows is in the suite yet is skipped with that
 * reason: the suite's cases are written row by row, and the assertion applies as soon as one of
 * the rows that should catch the variant exists.
 */
class MutantsTest {
    /** As in ReferenceServersConformanceTest: above the reference servers' 1 to 2 s test timeouts. */
    private static final Duration SERVER_TIMEOUT_BUDGET = Duration.ofSeconds(10);
    /** Runs mostly wait on sockets, so more runs than cores go at once. */
    private static final int THREADS = Integer.getInteger("h1kit.mutants.threads", 12);
    /**
     * What the sequential server offers, claimed rather than probed: a variant is that server with
     * a bug, so a bug that breaks a capability must FAIL its cases, not turn them into SKIP (and
     * the probes, the concurrency one above all, cost seconds per run).
     */
    private static final Set<Capability> SEQUENTIAL_CAPABILITIES =
            Set.of(Capability.PERSISTENT, Capability.PIPELINING, Capability.ECHO_FIXTURE, Capability.FILE_FIXTURE);
    /** No run takes this long unless something hangs. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

    @TestFactory
    Stream<DynamicTest> everyVariantFailsAGatingCase() {
        List<Variant> variants = selected();
        Map<Profile, Selection> controls = new LinkedHashMap<>();
        for (Profile p : Profile.values()) {
            List<String> killers = variants.stream().filter(v -> v.profile() == p).flatMap(v -> v.killers().stream()).toList();
            controls.put(p, Selection.withSlowKillers(p, killers));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().daemon().name("mutants-", 0).factory());
        Future<RunResult> sequential = pool.submit(() -> run("sequential", Servers::sequential, controls.get(Profile.HTTP)));
        Future<RunResult> echo = pool.submit(() -> run("echo", Servers::echo, controls.get(Profile.ECHO)));
        Future<RunResult> identity = pool.submit(() -> run("sequential-behind-identity-shim",
                () -> Servers.shimmed(Transducers.identity()), controls.get(Profile.HTTP)));
        Map<Variant, Future<RunResult>> runs = new LinkedHashMap<>();
        // The variants that run slow cases take longest, then the echo runs with their large transfers: they start first.
        variants.stream().sorted(Comparator.comparing((Variant v) -> v.technique() != Variant.Technique.TIMEOUTS)
                        .thenComparing(v -> v.profile() != Profile.ECHO))
                .forEach(v -> runs.put(v, pool.submit(() -> run(v.name(), v.starter(),
                        Selection.withSlowKillers(v.profile(), v.killers())))));
        pool.shutdown();

        Stream<DynamicTest> unmodified = Stream.of(
                dynamicTest("the unmodified sequential and echo servers fail no gating case", () -> {
                    assertNoGatingFailure(get(sequential));
                    assertNoGatingFailure(get(echo));
                }),
                dynamicTest("the sequential server behind a shim that rewrites nothing fails no gating case",
                        () -> assertNoGatingFailure(get(identity))));
        Stream<DynamicTest> each = variants.stream().map(v -> dynamicTest(v.name() + ": " + v.description(),
                () -> assertCaught(v, get(runs.get(v)), get(v.profile() == Profile.HTTP ? sequential : echo))));
        return Stream.concat(unmodified, each);
    }

    private static List<Variant> selected() {
        String only = System.getProperty("h1kit.mutants", "").strip();
        if (only.isEmpty()) {
            return Variants.all();
        }
        Set<String> names = Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toSet());
        List<Variant> chosen = Variants.all().stream().filter(v -> names.contains(v.name())).toList();
        if (chosen.size() != names.size()) {
            throw new IllegalArgumentException("-Dh1kit.mutants names unknown variants: " + only);
        }
        return chosen;
    }

    private static RunResult run(String name, Variant.Starter starter, Selection selection) throws Exception {
        RunOptions defaults = RunOptions.defaults(selection.profile());
        RunOptions options = defaults.withBudgets(defaults.budgets().withServerTimeout(SERVER_TIMEOUT_BUDGET))
                .withExclude(selection.exclude())
                .withClaimed(selection.profile() == Profile.HTTP ? SEQUENTIAL_CAPABILITIES : Set.of(), false);
        try (Variant.Running running = starter.start()) {
            return ConformanceSuite.run(Target.of(name, running.address()), options);
        }
    }

    private static RunResult get(Future<RunResult> run) throws Exception {
        return run.get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void assertNoGatingFailure(RunResult run) {
        Assertions.assertTrue(run.reachable(), run.target().name() + " was not reachable");
        List<CaseResult> gating = TargetReport.of(run).gating();
        Assertions.assertTrue(gating.isEmpty(), () -> run.target().name() + " fails " + gating.size() + " gating case(s):\n"
                + gating.stream().map(Describe::failure).collect(Collectors.joining("\n\n")));
    }

    /**
     * The variant FAILs at least one case at a level it counts (MUST, plus SHOULD or hardening
     * where declared) that does not FAIL on the unmodified server.
     */
    private static void assertCaught(Variant v, RunResult run, RunResult control) {
        Assertions.assertTrue(run.reachable(), v.name() + " was not reachable");
        Set<String> failingUnmodified = run.results().stream().map(r -> control.result(r.kase().id()))
                .filter(r -> r != null && r.verdict() == Verdict.FAIL).map(r -> r.kase().id()).collect(Collectors.toSet());
        List<CaseResult> catchers = run.results().stream()
                .filter(r -> r.verdict() == Verdict.FAIL && v.caughtAt().contains(r.kase().level()))
                .filter(r -> !failingUnmodified.contains(r.kase().id()))
                .toList();
        if (!catchers.isEmpty()) {
            System.out.printf("mutants: %s caught by %s (expected killers %s; %d cases in %d ms)%n", v.name(),
                    catchers.stream().map(r -> r.kase().id() + " (" + r.kase().ref() + ")").toList(), v.killers(),
                    run.results().size(), run.millis());
            return;
        }
        List<Case> killerCases = Catalog.select(v.profile(), v.killers(), List.of());
        Assumptions.assumeFalse(killerCases.isEmpty(), () -> v.name() + " is not judged yet: none of its killer rows "
                + v.killers() + " is in the suite");
        Assertions.fail(v.name() + " (" + v.description() + "; models " + v.models() + ") was not caught: no "
                + levels(v) + " case FAILs on it.\nExpected killer rows " + v.killers() + " gave:\n"
                + killerVerdicts(run, killerCases) + "\nOther verdicts: " + run.counts());
    }

    private static String levels(Variant v) {
        return v.caughtAt().stream().sorted().map(Level::name).collect(Collectors.joining(" or "));
    }

    private static String killerVerdicts(RunResult run, List<Case> killers) {
        List<String> lines = new ArrayList<>();
        for (Case k : killers) {
            CaseResult r = run.result(k.id());
            lines.add("  " + k.id() + " (" + k.ref() + ", " + k.level() + ") " + (r == null ? "not run"
                    : r.verdict() + ": " + r.matched() + (r.observation() == null ? "" : "; saw " + r.observation().summary())));
        }
        return String.join("\n", lines);
    }
}
