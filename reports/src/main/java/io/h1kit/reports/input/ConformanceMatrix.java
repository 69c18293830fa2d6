package io.h1kit.reports.input;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases × targets with their verdicts, merged from one or more conformance {@code report.json}
 * files (schema {@value #SCHEMA}); only the fields the matrix needs are read.
 */
public record ConformanceMatrix(List<String> targets, List<Row> rows, Map<String, Map<String, Integer>> counts) {
    public static final String SCHEMA = "h1kit-conformance/1";

    /** One case, with its verdict per target (absent where a target did not run it). */
    public record Row(String id, String title, String level, Map<String, String> verdicts) {
    }

    public static ConformanceMatrix of(List<JsonNode> documents) {
        List<String> targets = new ArrayList<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (JsonNode doc : documents) {
            for (JsonNode run : doc.path("runs")) {
                String target = run.path("target").asString();
                if (!targets.contains(target)) {
                    targets.add(target);
                }
                Map<String, Integer> tally = counts.computeIfAbsent(target, k -> new LinkedHashMap<>());
                for (JsonNode c : run.path("cases")) {
                    String id = c.path("id").asString();
                    String verdict = c.path("verdict").asString();
                    rows.computeIfAbsent(id, k -> new Row(id, c.path("title").asString(),
                            c.path("level").asString(), new LinkedHashMap<>())).verdicts().put(target, verdict);
                    tally.merge(verdict, 1, Integer::sum);
                }
            }
        }
        return new ConformanceMatrix(List.copyOf(targets), List.copyOf(rows.values()), counts);
    }
}
