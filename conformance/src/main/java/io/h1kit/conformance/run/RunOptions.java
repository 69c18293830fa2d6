package io.h1kit.conformance.run;

import io.h1kit.conformance.model.Budgets;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Profile;

import java.util.List;
import java.util.Set;

/**
 * How to run the suite.
 *
 * @param profile   which cases: echo or http
 * @param strict    whether SHOULD and hardening failures, and NON-STRICT outcomes, gate too
 * @param include   case id or catalogue-row prefixes to run (empty: all)
 * @param exclude   case id or catalogue-row prefixes to leave out
 * @param budgets   how long to wait
 * @param host      the Host value requests carry
 * @param claimed   capabilities the target claims (their cases run, and gate like any other)
 * @param probe     whether to probe for the capabilities not claimed
 * @param slowThreads how many slow cases (those waiting for a server timeout) run at once on a
 *                  target that serves clients concurrently
 */
public record RunOptions(Profile profile, boolean strict, List<String> include, List<String> exclude, Budgets budgets,
                         String host, Set<Capability> claimed, boolean probe, int slowThreads) {

    /** Slow cases run at once on a concurrent target: enough to overlap the waits, few enough to be polite. */
    public static final int SLOW_THREADS = 8;
    /** The Host value by default: every server answers for localhost. */
    public static final String HOST = "localhost";

    public static RunOptions defaults(Profile profile) {
        return new RunOptions(profile, false, List.of(), List.of(), Budgets.DEFAULTS, HOST, Set.of(), true, SLOW_THREADS);
    }

    public RunOptions withBudgets(Budgets b) {
        return new RunOptions(profile, strict, include, exclude, b, host, claimed, probe, slowThreads);
    }

    public RunOptions withInclude(List<String> ids) {
        return new RunOptions(profile, strict, ids, exclude, budgets, host, claimed, probe, slowThreads);
    }

    public RunOptions withExclude(List<String> ids) {
        return new RunOptions(profile, strict, include, ids, budgets, host, claimed, probe, slowThreads);
    }

    public RunOptions withStrict(boolean s) {
        return new RunOptions(profile, s, include, exclude, budgets, host, claimed, probe, slowThreads);
    }

    public RunOptions withClaimed(Set<Capability> c, boolean probeTheRest) {
        return new RunOptions(profile, strict, include, exclude, budgets, host, c, probeTheRest, slowThreads);
    }
}
