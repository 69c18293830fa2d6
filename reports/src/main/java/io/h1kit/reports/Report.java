package io.h1kit.reports;

import io.h1kit.reports.input.CodeSize;
import io.h1kit.reports.input.ConformanceMatrix;
import io.h1kit.reports.input.Coverage;
import io.h1kit.reports.input.StressResults;
import io.h1kit.reports.model.LoadRun;
import io.h1kit.reports.model.Regressions;

import java.util.List;

/**
 * Everything the combined report shows, written as {@code report.json} (schema {@value #SCHEMA});
 * a section that had no input is null.
 */
public record Report(String schema, String generated, List<Link> sources, LoadRun load, String baseline, double threshold,
                     List<Regressions.Regression> regressions, ConformanceMatrix conformance, StressResults stress,
                     CodeSize codeSize, Coverage coverage) {
    public static final String SCHEMA = "h1kit-report/1";

    /**
     * A report this one was made from: {@code href} is relative to the output folder, and names the
     * suite's own HTML page beside its JSON where there is one; {@code label} is the file's path
     * under the input folder.
     */
    public record Link(String schema, String href, String label) {
    }
}
