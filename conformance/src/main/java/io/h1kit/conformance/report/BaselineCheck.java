package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run compared with a {@link Baseline}. A case the baseline lists with the verdict it got again
 * is a known result: a known FAIL, NON-STRICT or ERROR does not gate. A case listed as failing
 * that now passes is an unexpected pass, and gates, so that the baseline is brought up to date. A
 * case whose verdict changed to another non-PASS verdict gates as it would without a baseline, as
 * does a gating failure the baseline does not list. Ids the catalogue no longer has are reported.
 *
 * @param baseline  the baseline
 * @param source    where it was read from, for the reports
 * @param standings what the baseline says about each case that has something to say, by id
 * @param unknownIds baseline ids that no case of the catalogue has
 */
public record BaselineCheck(Baseline baseline, String source, Map<String, Entry> standings, List<String> unknownIds) {

    /** How a case stands against the baseline. */
    public enum Standing {
        /** Listed with the verdict it got again (a known FAIL, NON-STRICT or ERROR does not gate). */
        KNOWN,
        /** Listed as FAIL, NON-STRICT or ERROR, and now PASS: gates until the baseline is updated. */
        UNEXPECTED_PASS,
        /** Listed with another verdict; gates as it would without a baseline. */
        CHANGED,
        /** Not listed, and gates. */
        NEW_FAILURE
    }

    /**
     * @param standing how the case stands
     * @param recorded what the baseline lists (null for a new failure)
     * @param now      the verdict of this run
     */
    public record Entry(Standing standing, Verdict recorded, Verdict now) {
        /** In words, for the reports: "known FAIL", "unexpected pass (baseline: FAIL)". */
        public String describe() {
            return switch (standing) {
                case KNOWN -> "known " + Group.label(recorded) + " (baseline)";
                case UNEXPECTED_PASS -> "unexpected pass: the baseline lists " + Group.label(recorded);
                case CHANGED -> "changed: the baseline lists " + Group.label(recorded) + ", now " + Group.label(now);
                case NEW_FAILURE -> "new failure: not in the baseline";
            };
        }
    }

    public BaselineCheck {
        standings = Collections.unmodifiableMap(new LinkedHashMap<>(standings));
        unknownIds = List.copyOf(unknownIds);
    }

    /** Compares a run with a baseline; {@code catalogueIds} are every id the suite has. */
    public static BaselineCheck of(Baseline baseline, String source, RunResult run, Collection<String> catalogueIds) {
        boolean strict = run.options().strict();
        Map<String, Entry> standings = new LinkedHashMap<>();
        for (CaseResult r : run.results()) {
            Verdict recorded = baseline.known(r.kase().id());
            Verdict now = r.verdict();
            if (recorded == null || recorded == Verdict.PASS) {
                if (r.gates(strict)) {
                    standings.put(r.kase().id(), new Entry(Standing.NEW_FAILURE, null, now));
                }
            } else if (recorded == now) {
                standings.put(r.kase().id(), new Entry(Standing.KNOWN, recorded, now));
            } else if (now == Verdict.PASS && Group.failing(recorded)) {
                standings.put(r.kase().id(), new Entry(Standing.UNEXPECTED_PASS, recorded, now));
            } else {
                standings.put(r.kase().id(), new Entry(Standing.CHANGED, recorded, now));
            }
        }
        Set<String> known = Set.copyOf(catalogueIds);
        List<String> unknown = new ArrayList<>();
        for (String id : baseline.known().keySet()) {
            if (!known.contains(id)) {
                unknown.add(id);
            }
        }
        return new BaselineCheck(baseline, source, standings, unknown);
    }

    /** What the baseline says about a case, or null. */
    public Entry entry(String id) {
        return standings.get(id);
    }

    /** Whether the result gates the run once the baseline is taken into account. */
    public boolean gates(CaseResult r, boolean strict) {
        Entry e = standings.get(r.kase().id());
        if (e == null) {
            return r.gates(strict);
        }
        return switch (e.standing()) {
            case KNOWN -> false;
            case UNEXPECTED_PASS -> true;
            case CHANGED, NEW_FAILURE -> r.gates(strict);
        };
    }

    /** The ids with a given standing, in run order. */
    public List<String> ids(Standing standing) {
        return standings.entrySet().stream().filter(e -> e.getValue().standing() == standing).map(Map.Entry::getKey).toList();
    }

    /** The known results that would gate without the baseline (what it excuses). */
    public List<String> excused(RunResult run) {
        boolean strict = run.options().strict();
        return run.results().stream().filter(r -> r.gates(strict) && !gates(r, strict)).map(r -> r.kase().id()).toList();
    }
}
