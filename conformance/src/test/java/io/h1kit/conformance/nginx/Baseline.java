package io.h1kit.conformance.nginx;

import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdicts a reference target is known to get, case by case, every case listed (not only
 * failures), as checked in under {@code conformance/baselines/}:
 * <pre>
 * {"schema":"h1kit-conformance-baseline/1","target":"nginx 1.22.1","known":{"9112-3/01":"PASS", ...}}
 * </pre>
 * Verdicts are {@link Verdict} names. Immutable.
 *
 * @param target what the verdicts were taken from, e.g. "nginx 1.22.1"
 * @param known  case id to verdict, in the suite's order
 */
record Baseline(String target, Map<String, Verdict> known) {
    static final String SCHEMA = "h1kit-conformance-baseline/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Baseline {
        known = Collections.unmodifiableMap(new LinkedHashMap<>(known));
    }

    /** The verdicts of a run. */
    static Baseline of(String target, RunResult run) {
        Map<String, Verdict> known = new LinkedHashMap<>();
        for (CaseResult r : run.results()) {
            known.put(r.kase().id(), r.verdict());
        }
        return new Baseline(target, known);
    }

    static Baseline read(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(file));
        if (!SCHEMA.equals(root.path("schema").asString(""))) {
            throw new IOException(file + ": not a " + SCHEMA + " file");
        }
        Map<String, Verdict> known = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("known").properties()) {
            known.put(e.getKey(), Verdict.valueOf(e.getValue().asString()));
        }
        return new Baseline(root.path("target").asString(""), known);
    }

    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("target", target);
        ObjectNode entries = root.putObject("known");
        known.forEach((id, verdict) -> entries.put(id, verdict.name()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /**
     * This run's verdicts, with the known verdicts kept for the cases the run left out on purpose
     * ({@code notRun}), so that a run without the slow cases does not erase theirs.
     */
    Baseline updatedBy(Baseline run, Set<String> notRun, List<String> suiteOrder) {
        Map<String, Verdict> merged = new LinkedHashMap<>();
        for (String id : suiteOrder) {
            if (run.known.containsKey(id)) {
                merged.put(id, run.known.get(id));
            } else if (notRun.contains(id) && known.containsKey(id)) {
                merged.put(id, known.get(id));
            }
        }
        return new Baseline(run.target, merged);
    }

    /**
     * Every way {@code run} departs from this baseline: a verdict that changed, a case the
     * baseline does not know, and a known case that was not run (unless left out on purpose).
     */
    List<String> differences(Baseline run, Set<String> notRun) {
        List<String> out = new ArrayList<>();
        run.known.forEach((id, verdict) -> {
            Verdict expected = known.get(id);
            if (expected == null) {
                out.add(id + ": " + verdict + ", not in the baseline (a new case)");
            } else if (expected != verdict) {
                out.add(id + ": " + verdict + ", the baseline says " + expected);
            }
        });
        known.forEach((id, verdict) -> {
            if (!run.known.containsKey(id) && !notRun.contains(id)) {
                out.add(id + ": in the baseline (" + verdict + ") but not in the suite any more");
            }
        });
        return out;
    }
}
