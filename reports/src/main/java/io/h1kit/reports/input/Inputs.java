package io.h1kit.reports.input;

import io.h1kit.reports.model.LoadJson;
import io.h1kit.reports.model.LoadRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a results folder holds, found by each JSON file's {@code schema} field rather than by its
 * name, so that the suites' own layouts ({@code conformance/<time>/report.json},
 * {@code stress/<time>/summary.json}) need no configuration. Any section may be missing.
 */
public record Inputs(LoadRun load, List<JsonNode> conformance, JsonNode stress, List<Source> sources) {
    /** A file that was read, and the schema it was read as. */
    public record Source(String schema, Path file) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The file the load run was read from, or null. */
    public Path loadFile() {
        return sources.stream().filter(s -> s.schema().equals(LoadRun.SCHEMA)).map(Source::file).findFirst().orElse(null);
    }

    public static Inputs scan(Path in) throws IOException {
        LoadRun load = null;
        List<JsonNode> conformance = new ArrayList<>();
        JsonNode stress = null;
        List<Source> used = new ArrayList<>();
        List<Path> json;
        try (Stream<Path> files = Files.walk(in, 6)) {
            json = files.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path file : json) {
            String schema = schemaOf(file);
            if (LoadRun.SCHEMA.equals(schema) && load == null) {
                load = LoadJson.read(file);
            } else if (ConformanceMatrix.SCHEMA.equals(schema)) {
                conformance.add(MAPPER.readTree(file.toFile()));
            } else if (StressResults.SCHEMA.equals(schema)) {
                // The newest by name wins: the stress suite names its folders by time.
                stress = MAPPER.readTree(file.toFile());
                used.removeIf(u -> u.schema().equals(StressResults.SCHEMA));
            } else {
                continue;
            }
            used.add(new Source(schema, file));
        }
        return new Inputs(load, List.copyOf(conformance), stress, List.copyOf(used));
    }

    private static String schemaOf(Path file) {
        try {
            return MAPPER.readTree(file.toFile()).path("schema").asString(null);
        } catch (RuntimeException e) {
            return null; // not JSON, or not ours: skipped
        }
    }
}
