package io.h1kit.conformance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report files of a session, written into one folder: {@code report.json}, {@code junit.xml},
 * {@code report.html}, and the stylesheet {@code report.html} also links.
 *
 * @param json  the versioned JSON
 * @param junit the JUnit XML
 * @param html  the HTML report
 */
public record ReportFiles(Path json, Path junit, Path html) {

    /** Writes every report of the session into {@code dir}, creating it. */
    public static ReportFiles write(Session session, Path dir) throws IOException {
        Files.createDirectories(dir);
        ReportFiles files = new ReportFiles(dir.resolve("report.json"), dir.resolve("junit.xml"), dir.resolve("report.html"));
        JsonReport.write(session, files.json());
        JunitXmlReport.write(session, files.junit());
        HtmlReport.write(session, files.html());
        HtmlReport.writeStylesheet(dir.resolve(HtmlReport.STYLESHEET));
        return files;
    }
}
