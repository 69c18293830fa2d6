package io.h1kit.reports.model;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code h1kit-load/1} documents; field names are a public contract. */
public final class LoadJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LoadJson() {
    }

    public static LoadRun read(Path file) throws IOException {
        LoadRun run = MAPPER.readValue(file.toFile(), LoadRun.class);
        if (!LoadRun.SCHEMA.equals(run.schema())) {
            throw new IOException(file + ": schema is " + run.schema() + ", expected " + LoadRun.SCHEMA);
        }
        return run;
    }

    public static String render(LoadRun run) {
        return MAPPER.writeValueAsString(run);
    }

    public static void write(LoadRun run, Path file) throws IOException {
        Files.writeString(file, render(run) + "\n");
    }
}
