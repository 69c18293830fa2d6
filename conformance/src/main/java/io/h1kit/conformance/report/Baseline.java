package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;
import tools.jackson.core.JacksonException;
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
 * A file of known verdicts (nginx's version-gated TODOs, Jetty's excludeSpecs): a known failure is
 * reported but does not gate; a listed failure that now passes does. Users and the kit record one
 * with {@code --write-baseline} and pass it back with {@code --baseline}.
 * <pre>
 * {"schema": "h1kit-conformance-baseline/1", "target": "127.0.0.1:8080",
 *  "known": {"9112-3/02": "NON-STRICT", "9112-6.1/05": "FAIL"}}
 * </pre>
 *
 * @param target the target it was recorded against (for the reader; it applies to any target)
 * @param known  verdicts by case id, in the order recorded
 */
public record Baseline(String target, Map<String, Verdict> known) {
    public static final String SCHEMA = "h1kit-conformance-baseline/1";

    public Baseline {
        known = Collections.unmodifiableMap(new LinkedHashMap<>(known));
    }

    /** The verdict the baseline records for a case, or null. */
    public Verdict known(String id) {
        return known.get(id);
    }

    /** The non-PASS verdicts of a run: what {@code --write-baseline} records. */
    public static Baseline of(RunResult run) {
        Map<String, Verdict> known = new LinkedHashMap<>();
        for (CaseResult r : run.results()) {
            if (r.verdict() != Verdict.PASS) {
                known.put(r.kase().id(), r.verdict());
            }
        }
        return new Baseline(run.target().name(), known);
    }

    /**
     * Every verdict of a run, PASS included: a snapshot that pins a target's whole behaviour (the
     * kit keeps one for nginx and one for each reference server, and a test fails when any changes).
     */
    public static Baseline every(String target, RunResult run) {
        Map<String, Verdict> known = new LinkedHashMap<>();
        for (CaseResult r : run.results()) {
            known.put(r.kase().id(), r.verdict());
        }
        return new Baseline(target, known);
    }

    /**
     * This baseline brought up to date by {@code run}'s verdicts, keeping the known verdicts of the
     * cases the run left out on purpose ({@code notRun}), in the suite's order.
     */
    public Baseline updatedBy(Baseline run, Set<String> notRun, List<String> suiteOrder) {
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
     * Every way {@code run} departs from this snapshot: a verdict that changed, a case it does not
     * know, and a known case that was not run (unless left out on purpose, {@code notRun}).
     */
    public List<String> differences(Baseline run, Set<String> notRun) {
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

    /** Reads a baseline file; any problem is an {@link IllegalArgumentException} with a one-line message. */
    public static Baseline read(Path file) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read baseline " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read baseline " + file + ": " + e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("baseline " + file + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !SCHEMA.equals(root.path("schema").stringValue(null))) {
            throw new IllegalArgumentException("baseline " + file + " is not a \"" + SCHEMA + "\" file");
        }
        JsonNode known = root.path("known");
        if (!known.isObject()) {
            throw new IllegalArgumentException("baseline " + file + ": \"known\" must be an object of case id to verdict");
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : known.properties()) {
            Verdict v = e.getValue().isString() ? Group.verdict(e.getValue().stringValue()) : null;
            if (v == null) {
                throw new IllegalArgumentException("baseline " + file + ": case " + e.getKey()
                        + " has no verdict (PASS, NON-STRICT, FAIL, INFO, SKIP, DEP-FAIL or ERROR)");
            }
            verdicts.put(e.getKey(), v);
        }
        return new Baseline(root.path("target").stringValue(""), verdicts);
    }

    /** Writes the file, creating its folder. */
    public void write(Path file) throws IOException {
        ObjectNode root = JsonMapper.shared().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("target", target);
        ObjectNode map = root.putObject("known");
        known.forEach((id, v) -> map.put(id, v.name()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
