package io.h1kit.conformance.run;

import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.lint.Finding;
import io.h1kit.conformance.lint.ResponseLint;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Probe;
import io.h1kit.conformance.model.ProbeContext;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the selected cases against one target: first the baseline, then the capability probes,
 * then every case in catalogue order. A case whose capability is missing is SKIP, one whose
 * dependency failed is DEP-FAIL; slow cases (waiting for the server's own timeouts) run
 * concurrently when the target serves clients concurrently (started first, so that their waits
 * overlap the fast cases), else one after another; cases that load the server run alone, last.
 * Passive cases
 * (the response invariants) are judged last, from the lint findings of every response.
 */
public final class Runner {
    private final RunOptions options;
    private final Consumer<CaseResult> progress;

    /** @param progress told of each result as it is decided (for the console); may ignore it */
    public Runner(RunOptions options, Consumer<CaseResult> progress) {
        this.options = options;
        this.progress = progress;
    }

    public RunResult run(Target target) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Case> selected = Catalog.select(options.profile(), options.include(), options.exclude());
        String baselineId = options.profile() == Profile.HTTP ? Case.HTTP_BASELINE : Case.ECHO_BASELINE;
        if (!reachable(target)) {
            return new RunResult(target, options, false, Map.of(), List.of(), started, (System.nanoTime() - t0) / 1_000_000);
        }
        Map<String, CaseResult> done = new ConcurrentHashMap<>();
        // The baseline runs first and always: without it no other verdict means anything.
        Case baseline = Catalog.select(options.profile(), List.of(baselineId), List.of()).getFirst();
        CaseResult baselineResult = execute(baseline, target, Map.of(), done);
        done.put(baseline.id(), baselineResult);

        Map<Capability, CapabilityStatus> capabilities = new CapabilityProbe(options, target).capabilities();
        List<Case> passive = new ArrayList<>();
        List<Future<?>> slow = new ArrayList<>();
        boolean concurrent = capabilities.getOrDefault(Capability.CONCURRENT, new CapabilityStatus(false, "", "")).present();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.slowThreads()))) {
            List<Case> later = new ArrayList<>();
            List<Case> fast = new ArrayList<>();
            List<Case> alone = new ArrayList<>();
            for (Case c : selected) {
                if (c.id().equals(baselineId)) {
                    continue;
                }
                if (c.probe() == Probe.PASSIVE) {
                    passive.add(c);
                } else if (c.alone()) {
                    alone.add(c);
                } else if (c.slow() && concurrent) {
                    // Started first, so that their waits for the server's timeouts overlap the fast cases.
                    slow.add(pool.submit(() -> done.put(c.id(), execute(c, target, capabilities, done))));
                } else if (c.slow()) {
                    later.add(c); // a sequential target serves one connection at a time: waits go last
                } else {
                    fast.add(c);
                }
            }
            for (Case c : fast) {
                done.put(c.id(), execute(c, target, capabilities, done));
            }
            for (Case c : later) {
                done.put(c.id(), execute(c, target, capabilities, done));
            }
            for (Future<?> f : slow) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException("a slow case failed in the harness", e);
                }
            }
            // Cases that load the server run last, when nothing else runs (LIM-06's 500 idle
            // connections made nginx drop the idle connections that LIM-01 was watching).
            for (Case c : alone) {
                done.put(c.id(), execute(c, target, capabilities, done));
            }
        }
        for (Case c : passive) {
            done.put(c.id(), Passive.judge(c, done.values()));
            progress.accept(done.get(c.id()));
        }
        List<CaseResult> ordered = new ArrayList<>();
        if (selected.stream().noneMatch(c -> c.id().equals(baselineId))) {
            ordered.add(baselineResult);
        }
        for (Case c : selected) {
            ordered.add(done.get(c.id()));
        }
        return new RunResult(target, options, true, capabilities, ordered, started, (System.nanoTime() - t0) / 1_000_000);
    }

    private boolean reachable(Target target) {
        try (Connection c = Connection.open(0, target.resolved(), options.budgets().connect())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private CaseResult execute(Case c, Target target, Map<Capability, CapabilityStatus> capabilities, Map<String, CaseResult> done) {
        long t0 = System.nanoTime();
        for (Capability needed : c.requires()) {
            CapabilityStatus status = capabilities.get(needed);
            if (status == null || !status.present()) {
                return report(new CaseResult(c, Verdict.SKIP, "the target does not offer " + needed.description()
                        + (status == null ? "" : " (" + status.source() + ")"), null, List.of(), 0));
            }
        }
        for (String dependency : c.dependsOn()) {
            CaseResult d = done.get(dependency);
            if (d != null && (d.verdict() == Verdict.FAIL || d.verdict() == Verdict.ERROR || d.verdict() == Verdict.DEP_FAIL)) {
                return report(new CaseResult(c, Verdict.DEP_FAIL, "depends on " + dependency + ", which is " + d.verdict(),
                        null, List.of(), 0));
            }
        }
        ProbeContext context = new ProbeContext(target, options.budgets(), options.host(), c.id(), c.needsClose());
        Observation observation;
        try {
            observation = c.probe().run(context);
        } catch (ConnectException e) {
            return report(new CaseResult(c, Verdict.ERROR, "could not connect: " + e.getMessage(), null, List.of(),
                    millisSince(t0)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(new CaseResult(c, Verdict.ERROR, "interrupted", null, List.of(), millisSince(t0)));
        } catch (Exception e) {
            return report(new CaseResult(c, Verdict.ERROR, "harness error: " + e, null, List.of(), millisSince(t0)));
        } finally {
            context.closeAll();
        }
        List<Finding> lint = ResponseLint.check(observation).stream()
                .filter(f -> !c.lintExempt().contains(f.ref())).toList();
        for (Case.Accepted a : c.accepted()) {
            if (a.outcome().matches(observation)) {
                return report(new CaseResult(c, a.verdict(), a.outcome().describe(), observation, lint, millisSince(t0)));
            }
        }
        return report(new CaseResult(c, c.otherwise(), "no accepted outcome matched", observation, lint, millisSince(t0)));
    }

    private CaseResult report(CaseResult r) {
        progress.accept(r);
        return r;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Verdict counts in a fixed order, for summaries. */
    public static Map<Verdict, Long> emptyCounts() {
        Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0L);
        }
        return new LinkedHashMap<>(m);
    }
}
