package io.h1kit.reports.html;

import io.h1kit.reports.Report;
import io.h1kit.reports.input.CodeSize;
import io.h1kit.reports.input.ConformanceMatrix;
import io.h1kit.reports.input.Coverage;
import io.h1kit.reports.input.StressResults;

import java.util.Locale;
import java.util.Map;

/**
 * {@code index.html}: XHTML-compatible markup that links {@code h1kit.css}, with no script and no
 * style attribute, so that it reads the same under Jenkins' default Content-Security-Policy. A
 * section whose input is missing is left out.
 */
public final class IndexPage {
    public static final String CSS = "h1kit.css";

    private IndexPage() {
    }

    public static String render(Report r) {
        Html h = new Html();
        h.markup("<!DOCTYPE html>");
        h.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.element("title", "h1kit report");
        h.empty("link", "rel", "stylesheet", "href", CSS);
        h.close("head").open("body");
        h.element("h1", "h1kit report");
        h.element("p", "Generated " + r.generated() + ".", "class", "generated");
        if (!r.sources().isEmpty()) {
            h.open("p", "class", "sources").text("Read from: ");
            for (int i = 0; i < r.sources().size(); i++) {
                Report.Link link = r.sources().get(i);
                h.text(i == 0 ? "" : ", ").element("a", link.label(), "href", link.href())
                        .text(" (" + link.schema() + ")");
            }
            h.close("p");
        }
        h.open("nav").open("ul");
        link(h, r.load() != null, "load", "Load");
        link(h, r.conformance() != null, "conformance", "Conformance");
        link(h, r.stress() != null, "stress", "Stress");
        link(h, r.codeSize() != null, "code", "Code size and coverage");
        h.close("ul").close("nav");
        if (r.load() != null) {
            LoadSection.write(h, r.load(), r.regressions(), r.baseline(), r.threshold());
        }
        if (r.conformance() != null) {
            conformance(h, r.conformance());
        }
        if (r.stress() != null) {
            stress(h, r.stress());
        }
        if (r.codeSize() != null) {
            code(h, r.codeSize(), r.coverage());
        }
        h.close("body").close("html");
        return h.toString();
    }

    private static void link(Html h, boolean present, String id, String label) {
        if (present) {
            h.open("li").element("a", label, "href", "#" + id).close("li");
        }
    }

    private static void conformance(Html h, ConformanceMatrix m) {
        h.open("section", "id", "conformance").element("h2", "Conformance").markup("");
        h.open("table", "class", "counts").open("thead").open("tr").element("th", "target", "scope", "col");
        String[] verdicts = {"PASS", "NON_STRICT", "FAIL", "INFO", "SKIP", "DEP_FAIL", "ERROR"};
        for (String v : verdicts) {
            h.element("th", v, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (Map.Entry<String, Map<String, Integer>> e : m.counts().entrySet()) {
            h.open("tr").element("th", e.getKey(), "scope", "row");
            for (String v : verdicts) {
                h.element("td", Format.count(e.getValue().getOrDefault(v, 0)), "class", "num");
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
        h.open("table", "class", "matrix").open("thead").open("tr");
        h.element("th", "case", "scope", "col").element("th", "title", "scope", "col")
                .element("th", "level", "scope", "col");
        for (String t : m.targets()) {
            h.element("th", t, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (ConformanceMatrix.Row row : m.rows()) {
            h.open("tr").element("th", row.id(), "scope", "row");
            h.element("td", row.title()).element("td", row.level());
            for (String t : m.targets()) {
                String v = row.verdicts().get(t);
                h.element("td", v == null ? "–" : v, "class", v == null ? "verdict" : "verdict v-"
                        + v.toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            h.close("tr");
        }
        h.close("tbody").close("table").close("section");
    }

    private static void stress(Html h, StressResults s) {
        h.open("section", "id", "stress").element("h2", "Stress");
        h.element("p", (s.ok() ? "Passed" : "Failed") + ": " + s.mode() + " run, jcstress " + s.jcstressTests()
                + " tests (" + s.jcstressPassed() + " passed, " + s.jcstressFailed() + " failed), "
                + Format.decimal(s.durationMillis() / 1000.0) + " s.", "class", s.ok() ? "ok" : "regressed");
        h.open("table", "class", "stress").open("thead").open("tr");
        for (String head : new String[]{"structure", "implementation", "variant", "bug it carries", "caught",
                "as expected"}) {
            h.element("th", head, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (StressResults.Row row : s.expectations()) {
            h.open("tr").element("th", row.subject(), "scope", "row").element("td", row.implementation())
                    .element("td", row.variant()).element("td", row.bug().isEmpty() ? "–" : row.bug())
                    .element("td", row.caught() ? "yes" : "no")
                    .element("td", row.ok() ? "yes" : "NO", "class", row.ok() ? "ok" : "regressed").close("tr");
        }
        h.close("tbody").close("table");
        if (!s.problems().isEmpty()) {
            h.open("ul", "class", "problems");
            s.problems().forEach(p -> h.element("li", p));
            h.close("ul");
        }
        h.close("section");
    }

    private static void code(Html h, CodeSize size, Coverage coverage) {
        h.open("section", "id", "code").element("h2", "Code size and coverage");
        h.element("p", "Lines of Java that are neither blank nor only comment. The shared core ("
                + String.join(", ", CodeSize.SHARED_CORE) + ") is counted apart from each stage's own code.");
        h.open("table", "class", "code").open("thead").open("tr");
        for (String head : new String[]{"module", "main", "test", "line coverage", "branch coverage"}) {
            h.element("th", head, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (CodeSize.Module m : size.modules()) {
            Coverage.Module c = coverage == null ? null : coverage.modules().stream()
                    .filter(x -> x.path().equals(m.path())).findFirst().orElse(null);
            h.open("tr", "class", m.sharedCore() ? "shared-core" : null)
                    .element("th", m.path() + (m.sharedCore() ? " (shared core)" : ""), "scope", "row")
                    .element("td", Format.count(m.mainLines()), "class", "num")
                    .element("td", Format.count(m.testLines()), "class", "num")
                    .element("td", c == null ? "–" : Format.percent(c.linePercent()), "class", "num")
                    .element("td", c == null ? "–" : Format.percent(c.branchPercent()), "class", "num")
                    .close("tr");
        }
        h.close("tbody").open("tfoot").open("tr").element("th", "total", "scope", "row")
                .element("td", Format.count(size.mainTotal()), "class", "num")
                .element("td", Format.count(size.testTotal()), "class", "num")
                .element("td", "").element("td", "").close("tr").close("tfoot").close("table");
        if (!size.stages().isEmpty()) {
            h.element("h3", "Each stage: its own code, and the shared core");
            h.open("table", "class", "stages").open("thead").open("tr");
            for (String head : new String[]{"stage", "own main", "shared core main", "together"}) {
                h.element("th", head, "scope", "col");
            }
            h.close("tr").close("thead").open("tbody");
            for (CodeSize.Module m : size.stages()) {
                h.open("tr").element("th", m.path(), "scope", "row")
                        .element("td", Format.count(m.mainLines()), "class", "num")
                        .element("td", Format.count(size.sharedCoreMain()), "class", "num")
                        .element("td", Format.count(m.mainLines() + size.sharedCoreMain()), "class", "num")
                        .close("tr");
            }
            h.close("tbody").close("table");
        }
        if (coverage == null || coverage.modules().isEmpty()) {
            h.element("p", "No JaCoCo report (" + Coverage.REPORT + ") was found, so coverage is not shown.");
        }
        h.close("section");
    }
}
