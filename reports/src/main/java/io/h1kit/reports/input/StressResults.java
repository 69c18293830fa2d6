package io.h1kit.reports.input;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a stress run's {@code summary.json} (schema {@value #SCHEMA}) that the combined
 * report shows: the verdict, jcstress's totals and each implementation's expectation.
 */
public record StressResults(String mode, boolean ok, long durationMillis, int jcstressTests, int jcstressPassed,
                            int jcstressFailed, List<Row> expectations, List<String> problems) {
    public static final String SCHEMA = "h1kit-stress/1";

    /** A structure's implementation (real or flawed) and whether the suite judged it as it must. */
    public record Row(String subject, String implementation, String variant, String bug, boolean caught,
                      boolean ok) {
    }

    public static StressResults of(JsonNode doc) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode e : doc.path("expectations")) {
            rows.add(new Row(e.path("subject").asString(), e.path("implementation").asString(),
                    e.path("variant").asString(), e.path("bug").asString(""), e.path("caught").asBoolean(),
                    e.path("ok").asBoolean()));
        }
        List<String> problems = new ArrayList<>();
        doc.path("problems").forEach(p -> problems.add(p.asString()));
        JsonNode j = doc.path("jcstress");
        return new StressResults(doc.path("mode").asString(), doc.path("ok").asBoolean(),
                doc.path("durationMillis").asLong(), j.path("tests").asInt(), j.path("passed").asInt(),
                j.path("failed").asInt(), List.copyOf(rows), List.copyOf(problems));
    }
}
