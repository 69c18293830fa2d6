package io.h1kit.gatling.wiring;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.h1kit.cli.Main;
import io.h1kit.reports.model.Expectation;
import io.h1kit.reports.model.LoadJson;
import io.h1kit.reports.model.LoadRun;
import io.h1kit.reports.model.Measurement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole chain in seconds, as a user runs it: {@code h1kit load} starts stage 4 as a JVM of
 * its own, runs the keep-alive sweep through Gatling in another JVM at one level (smoke profile)
 * and the idle-connections scenario, samples the server, writes load.json; then
 * {@code h1kit report} turns it into HTML whose link reaches Gatling's own report. The numbers in
 * load.json must be Gatling's: they are compared with the report's statistics table.
 */
class LoadChainTest {
    @BeforeEach
    void onTheModulesClassPath() {
        // Both child JVMs run on this test's class path: the stage and Main, Gatling and the simulations.
        System.setProperty("h1kit.home", Path.of("..").toAbsolutePath().normalize().toString());
        System.setProperty("h1kit.load.gatlingClasspath", System.getProperty("java.class.path"));
    }

    @AfterEach
    void clear() {
        System.clearProperty("h1kit.home");
        System.clearProperty("h1kit.load.gatlingClasspath");
    }

    @Test
    @Timeout(180)
    void loadThenReportOnTheEventLoopStage(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run/load");
        StringWriter err = new StringWriter();
        StringWriter stdout = new StringWriter();
        int status = Main.run(new PrintWriter(stdout, true), new PrintWriter(err, true), "load", "--stages", "eventloop",
                "--profile", "smoke", "--scenarios", "keep-alive-sweep,idle-connections", "--out", out.toString());
        assertEquals(0, status, "exit status; stderr:\n" + err);
        assertTrue(stdout.toString().contains(out.resolve("load.json").toString()), stdout.toString());

        assertEquals(List.of(), schemaErrors(out.resolve("load.json")), "load.json against h1kit-load-1.schema.json");
        LoadRun run = LoadJson.read(out.resolve("load.json"));
        assertEquals(List.of("eventloop"), run.targets().stream().map(t -> t.name()).toList());
        Measurement sweep = only(run, "keep-alive-sweep");
        assertEquals(4, sweep.concurrency(), "the smoke profile's one level");
        assertEquals(Expectation.PASS, sweep.expectation(), "stage 4 is expected to pass the sweep");
        assertTrue(sweep.requests() > 0);
        assertNotNull(sweep.cpuMsPer1000Requests(), "the server's CPU was sampled");
        assertTrue(sweep.peakRssBytes() > 1 << 20, "a JVM's RSS is more than 1 MiB: " + sweep.peakRssBytes());
        assertTrue(sweep.peakThreads() > 1 && sweep.peakOpenFiles() > 3);

        Path gatling = out.resolve(sweep.gatlingReport()).resolve("index.html");
        assertEquals(Path.of("gatling/eventloop/keep-alive-sweep-4"), Path.of(sweep.gatlingReport()));
        String report = Files.readString(gatling);
        // The All Requests row of Gatling's own table carries the same total and p99.
        assertTrue(report.contains("<td class=\"value total col-2\">" + sweep.requests() + "</td>"),
                "load.json's request count is Gatling's");
        assertTrue(report.contains("<td class=\"value total col-11\">" + (long) sweep.p99Ms() + "</td>"),
                "load.json's p99 is Gatling's");

        Measurement idle = only(run, "idle-connections");
        assertEquals(50, idle.requests());
        assertEquals(0, idle.errors(), "stage 4 answers every connection");
        assertNotNull(idle.memoryPerIdleConnectionBytes(), "all 50 held: a per-connection figure");
        assertNull(idle.gatlingReport());

        Path html = dir.resolve("run/report");
        StringWriter reportErr = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(reportErr, true),
                "report", "--in", dir.resolve("run").toString(), "--out", html.toString()), reportErr.toString());
        String page = Files.readString(html.resolve("index.html"));
        String href = "../load/gatling/eventloop/keep-alive-sweep-4/index.html";
        assertTrue(page.contains("href=\"" + href + "\""), "the report links Gatling's");
        assertTrue(Files.isRegularFile(html.resolve(href).normalize()), "and the link resolves");
    }

    private static List<String> schemaErrors(Path file) throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode schema;
        try (InputStream in = LoadRun.class.getResourceAsStream("/h1kit-load-1.schema.json")) {
            schema = mapper.readTree(in);
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                .validate(mapper.readTree(file.toFile())).stream().map(Error::toString).toList();
    }

    private static Measurement only(LoadRun run, String scenario) {
        List<Measurement> ms = run.measurements().stream().filter(m -> m.scenario().equals(scenario)).toList();
        assertEquals(1, ms.size(), scenario + ": " + ms);
        return ms.getFirst();
    }
}
