package io.h1kit.reports;

import io.h1kit.reports.model.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * load.json names its Gatling reports relative to its own folder; the report rewrites them
 * relative to its output, so that they work whether it is written into the results folder (the
 * main job: {@code h1kit report --in RUN --out RUN}, load results in {@code RUN/load/}) or elsewhere.
 */
class GatlingLinksTest {
    private static List<String> links(Path in, Path out) throws Exception {
        Report report = new ReportWriter(Fixtures.CLOCK).build(new ReportWriter.Options(in, out, null, null, 0.1));
        return report.load().measurements().stream().map(Measurement::gatlingReport).filter(l -> l != null).toList();
    }

    private static Path run(Path dir) throws Exception {
        Path run = dir.resolve("run");
        Fixtures.loadOnly(run.resolve("load"));
        Path report = run.resolve("load/gatling/sequential-sweep-1");
        Files.createDirectories(report);
        Files.writeString(report.resolve("index.html"), "<html></html>");
        return run;
    }

    @Test
    void writtenIntoTheResultsFolderTheLinksGoDownIntoLoad(@TempDir Path dir) throws Exception {
        Path run = run(dir);
        List<String> links = links(run, run);
        assertEquals("load/gatling/sequential-sweep-1", links.getFirst());
        assertTrue(Files.isRegularFile(run.resolve(links.getFirst()).resolve("index.html")), "the link resolves from the output");
    }

    @Test
    void writtenElsewhereTheLinksClimbBackToTheResults(@TempDir Path dir) throws Exception {
        Path run = run(dir);
        Path out = dir.resolve("published/report");
        List<String> links = links(run, out);
        assertEquals("../../run/load/gatling/sequential-sweep-1", links.getFirst());
        assertTrue(Files.isRegularFile(out.resolve(links.getFirst()).resolve("index.html").normalize()));
        assertEquals(links(run, out).size(), links(run, run).size(), "every link is rewritten, none dropped");
    }
}
