package io.h1kit.reports;

import io.h1kit.reports.cli.ReportCommandProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ReportCommandProvider().command());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void writesThePageItsStylesheetAndTheJson(@TempDir Path dir) throws Exception {
        Path source = Fixtures.sourceTree(dir.resolve("src"));
        Path to = dir.resolve("out");
        assertEquals(0, run("--in", Fixtures.fixture("results").toString(), "--out", to.toString(),
                "--source", source.toString()), err.toString());
        assertEquals(3, Fixtures.count(to));
        assertTrue(Files.readString(to.resolve("h1kit.css")).contains("td.regression"));
        JsonNode json = JsonMapper.builder().build().readTree(to.resolve("report.json").toFile());
        assertEquals("h1kit-report/1", json.path("schema").asString());
        assertEquals("h1kit-load/1", json.path("load").path("schema").asString());
        assertEquals(2, json.path("conformance").path("targets").size());
        assertEquals(2, json.path("codeSize").path("modules").size());
        assertTrue(json.path("stress").path("ok").asBoolean());
    }

    @Test
    void aRegressionExitsWithOne(@TempDir Path dir) {
        assertEquals(1, run("--in", Fixtures.fixture("results").toString(), "--out", dir.toString(),
                "--baseline", Fixtures.fixture("baseline.json").toString(), "--source", dir.toString()));
        assertTrue(out.toString().contains("2 regression(s) beyond 10.0 %"), out.toString());
        assertEquals(0, run("--in", Fixtures.fixture("results").toString(), "--out", dir.toString(),
                "--baseline", Fixtures.fixture("baseline.json").toString(), "--threshold", "70"));
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) {
        assertEquals(2, run("--in", dir.resolve("missing").toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains("is not a folder"), err.toString());
        assertEquals(2, run("--out", dir.toString()), "--in is required");
    }
}
