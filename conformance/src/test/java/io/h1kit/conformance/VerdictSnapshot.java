package io.h1kit.conformance;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.report.Baseline;
import io.h1kit.conformance.run.Catalog;
import io.h1kit.conformance.run.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A checked-in file of every verdict a target gets (nginx, and each reference server): a test
 * compares a run with it and fails, listing the differences, when any verdict changes. With
 * {@code update} the file is rewritten from the run instead, for review in the diff.
 */
public final class VerdictSnapshot {
    /** The checked-in snapshots, relative to the conformance module (the tests' working folder). */
    public static final Path FOLDER = Path.of("baselines");

    private VerdictSnapshot() {
    }

    /**
     * The differences between {@code run} and the snapshot in {@code file} (empty when they agree),
     * or, with {@code update}, none after rewriting the file.
     *
     * @param notRun cases left out of the run on purpose: their recorded verdicts are kept
     */
    public static List<String> compare(RunResult run, String target, Path file, Set<String> notRun, boolean update)
            throws IOException {
        Profile profile = run.options().profile();
        List<String> order = Catalog.select(profile, List.of(), List.of()).stream().map(Case::id).toList();
        Baseline now = Baseline.every(target, run);
        if (update) {
            Baseline old = Files.exists(file) ? Baseline.read(file) : new Baseline(target, Map.of());
            old.updatedBy(now, notRun, order).write(file);
            return List.of();
        }
        return Baseline.read(file).differences(now, notRun);
    }

    /** What the run did in the cases that differ, so that a reviewer can judge without rerunning. */
    public static String evidence(RunResult run, List<String> differences) {
        Set<String> ids = differences.stream().map(d -> d.substring(0, d.indexOf(':'))).collect(Collectors.toSet());
        return run.results().stream().filter(r -> ids.contains(r.kase().id()))
                .map(r -> r.kase().id() + " " + r.verdict() + ": " + r.matched()
                        + (r.observation() == null ? "" : "; saw " + r.observation().summary()))
                .collect(Collectors.joining("\n"));
    }
}
