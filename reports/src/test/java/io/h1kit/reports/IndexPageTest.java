package io.h1kit.reports;

import io.h1kit.reports.html.IndexPage;
import io.h1kit.reports.model.Regressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexPageTest {
    private static final double EPSILON = 0.02; // coordinates are written with two decimals

    private static String render(Path in, Path source, Path baseline) throws Exception {
        Report report = new ReportWriter(Fixtures.CLOCK)
                .build(new ReportWriter.Options(in, in.resolveSibling("out"), source, baseline,
                        Regressions.DEFAULT_THRESHOLD));
        return IndexPage.render(report);
    }

    private static Element table(Page page, String scenario) {
        return Page.elements(page.byId("scenario-" + scenario), "table").getFirst();
    }

    @Test
    void theTablesHoldTheRecordedNumbers(@TempDir Path dir) throws Exception {
        Page page = Page.parse(render(Fixtures.fixture("results"), Fixtures.sourceTree(dir), null));
        Element sweep = table(page, "keepalive-sweep");
        // kind, clients, req/s, p50, p95, p99, max, requests, errors, CPU, RSS, memory/conn, expectation, Gatling
        assertEquals(List.of("reference stage", "16", "4,000", "2", "5", "10", "30", "120,000", "0", "17.0",
                "70.0 MiB", "–", "pass", "report"), Page.row(sweep, "eventloop", "16"));
        assertEquals(List.of("reference stage", "16", "1,500", "8", "40", "200", "900", "45,000", "12", "61.5",
                        "50.0 MiB", "–", "expected to fail: one connection at a time", "report"),
                Page.row(sweep, "sequential", "16"));
        assertEquals("nginx", Page.row(sweep, "nginx", "1").getFirst());
        assertEquals("–", Page.row(sweep, "nginx", "1").getLast(), "no Gatling report recorded");
        Element idle = table(page, "idle");
        assertEquals(List.of("reference stage", "100", "1", "2", "3", "5", "3,000", "0", "–", "80.0 MiB", "984 B",
                "pass", "–"), Page.row(idle, "eventloop", null));
        Element link = Page.elements(sweep, "a").getFirst();
        // load.json's links are relative to its folder (results/); the page is written to out/.
        assertEquals("../results/gatling/sequential-sweep-1/index.html", link.getAttribute("href"));
    }

    @Test
    void barHeightsAreProportionalToTheData(@TempDir Path dir) throws Exception {
        Page page = Page.parse(render(Fixtures.fixture("results"), null, null));
        List<Element> conn = bars(page.chart("c-idle-conn"));
        assertEquals(2, conn.size());
        assertEquals("eventloop bytes: 984", title(conn.get(0)));
        assertEquals("nginx bytes: 527", title(conn.get(1)));
        assertEquals(984.0 / 527.0, height(conn.get(0)) / height(conn.get(1)), 1e-3);
        // Latency at the most clients: 3 targets × p50, p95, p99, in that order.
        List<Element> lat = bars(page.chart("c-keepalive-sweep-lat"));
        double[] data = {8, 40, 200, 2, 5, 10, 2, 4, 8};
        assertEquals(data.length, lat.size());
        double perMs = height(lat.get(2)) / 200; // the tallest bar
        for (int i = 0; i < data.length; i++) {
            assertEquals(data[i] * perMs, height(lat.get(i)), EPSILON, title(lat.get(i)));
            // Every bar stands on the same baseline.
            assertEquals(y(lat.get(2)) + height(lat.get(2)), y(lat.get(i)) + height(lat.get(i)), EPSILON);
        }
        assertEquals("sequential p99: 200", title(lat.get(2)));
    }

    @Test
    void theThroughputLineFollowsTheData() throws Exception {
        Page page = Page.parse(render(Fixtures.fixture("results"), null, null));
        Element chart = page.chart("c-keepalive-sweep-rps");
        List<Element> lines = Page.elements(chart, "polyline");
        assertEquals(3, lines.size(), "one line per target");
        double[][] rps = {{2000, 1500}, {2500, 4000}, {3000, 4500}};
        double bottom = 0;
        double perRequest = 0;
        for (int t = 0; t < 3; t++) {
            double[][] pts = Arrays.stream(lines.get(t).getAttribute("points").split(" "))
                    .map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
            assertEquals(2, pts.length);
            assertTrue(pts[0][0] < pts[1][0], "concurrency grows to the right");
            if (t == 0) {
                // Two points of one line fix the scale: y = bottom - rps * perRequest.
                perRequest = (pts[0][1] - pts[1][1]) / (rps[0][1] - rps[0][0]);
                bottom = pts[0][1] + rps[0][0] * perRequest;
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(bottom - rps[t][i] * perRequest, pts[i][1], EPSILON);
            }
        }
        assertTrue(perRequest > 0);
        assertTrue(Page.elements(chart, "title").stream().anyMatch(e -> e.getTextContent()
                .equals("eventloop at 16: 4,000")), "each point has its figure as a title");
    }

    @Test
    void regressionsAgainstTheBaselineAreFlagged() throws Exception {
        String html = render(Fixtures.fixture("results"), null, Fixtures.fixture("baseline.json"));
        Page page = Page.parse(html);
        Element sweep = table(page, "keepalive-sweep");
        assertEquals("4,000 ▼ -20.0 %", Page.row(sweep, "eventloop", "16").get(2));
        assertEquals("8 ▼ +60.0 %", Page.row(sweep, "nginx", "16").get(5));
        assertEquals("2,500", Page.row(sweep, "eventloop", "1").get(2), "-3.8 % is within the threshold");
        List<Element> flagged = Page.elements(sweep, "td").stream()
                .filter(td -> td.getAttribute("class").contains("regression")).toList();
        assertEquals(2, flagged.size());
        assertTrue(html.contains("2 regression(s) beyond 10.0 %"), html);
        List<String> listed = Page.elements(page.byId("load"), "li").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("eventloop, Keep-alive sweep, 16 clients: 5,000 → 4,000 requests/s (-20.0 %)",
                "nginx, Keep-alive sweep, 16 clients: p99 5 → 8 ms (+60.0 %)"), listed);
    }

    @Test
    void missingSectionsAreLeftOut(@TempDir Path dir) throws Exception {
        Page page = Page.parse(render(Fixtures.loadOnly(dir.resolve("in")), null, null));
        assertNotNull(page.byId("load"));
        assertNull(page.byId("conformance"));
        assertNull(page.byId("stress"));
        assertNull(page.byId("code"));
        assertEquals(1, Page.elements(page.doc().getDocumentElement(), "li").size(), "the nav lists only load");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Page nothing = Page.parse(render(empty, null, null));
        assertNull(nothing.byId("load"));
        assertEquals("h1kit report", Page.elements(nothing.doc().getDocumentElement(), "h1").getFirst()
                .getTextContent());
    }

    @Test
    void theConformanceMatrixAndStressResultsAreShown(@TempDir Path dir) throws Exception {
        Page page = Page.parse(render(Fixtures.fixture("results"), Fixtures.sourceTree(dir), null));
        Element matrix = Page.elements(page.byId("conformance"), "table").get(1);
        assertEquals(List.of("Transfer-Encoding with Content-Length", "MUST", "PASS", "FAIL"),
                Page.row(matrix, "9112/6.1/3", null));
        assertEquals(List.of("HEAD has no body", "SHOULD", "NON_STRICT", "SKIP"),
                Page.row(matrix, "9110/9.3.2/1", null));
        Element counts = Page.elements(page.byId("conformance"), "table").getFirst();
        // PASS, NON_STRICT, FAIL, INFO, SKIP, DEP_FAIL, ERROR
        assertEquals(List.of("1", "0", "1", "0", "1", "0", "0"), Page.row(counts, "eventloop", null));
        Element stress = page.byId("stress");
        assertTrue(stress.getTextContent().contains("Passed: quick run, jcstress 12 tests (9 passed, 3 failed)"));
        assertEquals(List.of("CheckThenActQueue", "flawed", "checks for room, releases the lock, then inserts",
                "yes", "yes"), Page.row(Page.elements(stress, "table").getFirst(), "BoundedQueue", "CheckThenActQueue"));
        Element code = Page.elements(page.byId("code"), "table").getFirst();
        assertEquals(List.of("5", "2", "75.0 %", "75.0 %"),
                Page.row(code, "reference-servers/http-core (shared core)", null));
        assertEquals(List.of("1", "0", "–", "–"), Page.row(code, "reference-servers/eventloop", null));
        Element stages = Page.elements(page.byId("code"), "table").get(1);
        assertEquals(List.of("1", "5", "6"), Page.row(stages, "reference-servers/eventloop", null));
        assertEquals(2, Page.elements(stages, "tr").size(), "one stage, without the shared core");
    }

    @Test
    void theSuitesOwnPagesAreLinkedRelativeToTheOutput() throws Exception {
        Page page = Page.parse(render(Fixtures.fixture("results"), null, null));
        Element sources = Page.elements(page.doc().getDocumentElement(), "p").stream()
                .filter(p -> p.getAttribute("class").equals("sources")).findFirst().orElseThrow();
        assertEquals(List.of("../results/conformance/report.html", "../results/load.json",
                        "../results/stress/index.html"),
                Page.elements(sources, "a").stream().map(a -> a.getAttribute("href")).toList());
        assertEquals(List.of("conformance/report.html", "load.json", "stress/index.html"),
                Page.elements(sources, "a").stream().map(Element::getTextContent).toList(), "named under --in");
    }

    @Test
    void thePageNeedsNoScriptAndNoInlineStyle() throws Exception {
        String html = render(Fixtures.fixture("results"), null, Fixtures.fixture("baseline.json"));
        assertFalse(html.contains("<script"), "Jenkins' CSP blocks scripts");
        assertFalse(html.contains(" style="), "Jenkins' CSP blocks inline styles");
        assertFalse(html.contains("<style"), "Jenkins' CSP blocks inline styles");
        assertFalse(html.contains("data:"), "Jenkins' CSP blocks data: images");
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"h1kit.css\"/>"));
        Page page = Page.parse(html);
        for (Element svg : Page.elements(page.doc().getDocumentElement(), "svg")) {
            assertEquals("img", svg.getAttribute("role"));
            assertFalse(Page.elements(svg, "title").getFirst().getTextContent().isBlank());
        }
    }

    private static List<Element> bars(Element svg) {
        return Page.elements(svg, "rect").stream().filter(r -> r.getAttribute("class").equals("bar")).toList();
    }

    private static String title(Element e) {
        return Page.elements(e, "title").getFirst().getTextContent();
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }

    private static double y(Element rect) {
        return Double.parseDouble(rect.getAttribute("y"));
    }
}
