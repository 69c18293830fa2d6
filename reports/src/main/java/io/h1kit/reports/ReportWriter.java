package io.h1kit.reports;

import io.h1kit.reports.html.IndexPage;
import io.h1kit.reports.input.CodeSize;
import io.h1kit.reports.input.ConformanceMatrix;
import io.h1kit.reports.input.Coverage;
import io.h1kit.reports.input.Inputs;
import io.h1kit.reports.input.StressResults;
import io.h1kit.reports.model.LoadJson;
import io.h1kit.reports.model.LoadRun;
import io.h1kit.reports.model.Regressions;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Builds the combined {@link Report} from a results folder (and, for code size and coverage, the
 * kit's source tree), and writes {@code index.html}, {@code h1kit.css} and {@code report.json}.
 */
public final class ReportWriter {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * What to read and how to judge it; {@code source} and {@code baseline} may be null, and
     * {@code out} is where the report will be written (links are made relative to it).
     */
    public record Options(Path in, Path out, Path source, Path baseline, double threshold) {
    }

    /** The suites' own HTML pages, by schema, written beside their JSON. */
    private static final Map<String, String> PAGES = Map.of(ConformanceMatrix.SCHEMA, "report.html",
            StressResults.SCHEMA, "index.html");

    private final Clock clock;

    public ReportWriter(Clock clock) {
        this.clock = clock;
    }

    public Report build(Options o) throws IOException {
        Inputs inputs = Inputs.scan(o.in());
        LoadRun load = inputs.load() == null ? null : rebase(inputs.load(), inputs.loadFile(), o.out());
        List<Regressions.Regression> regressions = List.of();
        if (o.baseline() != null && load != null) {
            regressions = Regressions.find(load, LoadJson.read(o.baseline()), o.threshold());
        }
        CodeSize size = o.source() == null ? null : CodeSize.scan(o.source());
        Coverage coverage = o.source() == null ? null : Coverage.scan(o.source());
        List<Report.Link> links = inputs.sources().stream().map(src -> link(src, o.in(), o.out())).toList();
        return new Report(Report.SCHEMA, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), links, load,
                o.baseline() == null ? null : o.baseline().toString(), o.threshold(), regressions,
                inputs.conformance().isEmpty() ? null : ConformanceMatrix.of(inputs.conformance()),
                inputs.stress() == null ? null : StressResults.of(inputs.stress()), size, coverage);
    }

    /**
     * load.json names each Gatling report relative to its own folder (h1kit load writes them
     * beside it); the page needs them relative to where it is written, which may be that folder,
     * one above it, or anywhere else.
     */
    static LoadRun rebase(LoadRun load, Path loadFile, Path out) {
        Path base = loadFile.toAbsolutePath().normalize().getParent();
        return new LoadRun(load.schema(), load.generated(), load.machine(), load.targets(), load.scenarios(),
                load.measurements().stream().map(m -> m.gatlingReport() == null ? m
                        : m.withGatlingReport(relative(out, base.resolve(m.gatlingReport())))).toList());
    }

    private static Report.Link link(Inputs.Source src, Path in, Path out) {
        Path file = src.file();
        String page = PAGES.get(src.schema());
        if (page != null && Files.isRegularFile(file.resolveSibling(page))) {
            file = file.resolveSibling(page);
        }
        return new Report.Link(src.schema(), relative(out, file), relative(in, file));
    }

    private static String relative(Path from, Path to) {
        return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString()
                .replace(java.io.File.separatorChar, '/');
    }

    /** Writes the three files into {@code out}, creating it. */
    public static void write(Report report, Path out) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), IndexPage.render(report));
        try (InputStream css = IndexPage.class.getResourceAsStream(IndexPage.CSS)) {
            if (css == null) {
                throw new IOException(IndexPage.CSS + " is missing from the class path");
            }
            Files.copy(css, out.resolve(IndexPage.CSS), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(out.resolve("report.json"), MAPPER.writeValueAsString(report) + "\n");
    }
}
