package io.h1kit.reports.html;

import io.h1kit.reports.model.LoadRun;
import io.h1kit.reports.model.Measurement;
import io.h1kit.reports.model.Regressions.Metric;
import io.h1kit.reports.model.Regressions.Regression;
import io.h1kit.reports.model.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The load section: per scenario, the targets side by side in a table, then the charts. */
final class LoadSection {
    private LoadSection() {
    }

    static void write(Html h, LoadRun run, List<Regression> regressions, String baseline, double threshold) {
        h.open("section", "id", "load").element("h2", "Load").markup("");
        if (run.machine() != null) {
            h.element("p", "Measured on " + run.machine() + (run.generated() == null ? "" : ", " + run.generated()) + ".");
        }
        if (baseline != null) {
            h.element("p", regressions.isEmpty()
                    ? "No regression beyond " + Format.percent(threshold * 100) + " against " + baseline + "."
                    : regressions.size() + " regression(s) beyond " + Format.percent(threshold * 100)
                    + " against " + baseline + ", flagged in the tables.",
                    "class", regressions.isEmpty() ? "ok" : "regressed");
            if (!regressions.isEmpty()) {
                h.open("ul", "class", "regressions");
                for (Regression r : regressions) {
                    boolean p99 = r.metric() == Metric.P99;
                    h.element("li", r.target() + ", " + run.scenarios().stream()
                            .filter(s -> s.id().equals(r.scenario())).findFirst().map(Scenario::title)
                            .orElse(r.scenario()) + (r.concurrency() == null ? "" : ", " + r.concurrency() + " clients")
                            + ": " + (p99 ? "p99 " + Format.ms(r.baseline()) + " → " + Format.ms(r.now()) + " ms"
                            : Format.count(r.baseline()) + " → " + Format.count(r.now()) + " requests/s")
                            + " (" + Format.change(r.change()) + ")");
                }
                h.close("ul");
            }
        }
        for (Scenario s : run.scenarios()) {
            List<Measurement> ms = run.of(s);
            if (ms.isEmpty()) {
                continue;
            }
            h.open("section", "class", "scenario", "id", "scenario-" + s.id());
            h.element("h3", s.title() == null ? s.id() : s.title());
            if (s.description() != null) {
                h.element("p", s.description());
            }
            table(h, run, s, ms, regressions);
            h.open("div", "class", "charts");
            charts(h, s, ms);
            h.close("div");
            h.close("section");
        }
        h.close("section");
    }

    private static void table(Html h, LoadRun run, Scenario s, List<Measurement> ms, List<Regression> regressions) {
        h.open("table", "class", "load");
        h.open("thead").open("tr");
        List<String> heads = new ArrayList<>(List.of("target", "kind"));
        if (s.sweep()) {
            heads.add("clients");
        }
        heads.addAll(List.of("requests/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "requests", "errors",
                "CPU ms / 1,000 req", "peak RSS", "memory / idle conn", "expectation", "Gatling"));
        for (String head : heads) {
            h.element("th", head, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (Measurement m : ms) {
            h.open("tr", "class", m.expectation().expectedToFail() ? "expected-fail" : m.expectation().failed() ? "failed" : null);
            h.element("th", m.target(), "scope", "row");
            h.element("td", run.target(m.target()).map(t -> t.kind().label()).orElse("–"));
            if (s.sweep()) {
                num(h, m.concurrency() == null ? "–" : Format.count(m.concurrency()));
            }
            flagged(h, Format.count(m.requestsPerSecond()), find(regressions, m, Metric.REQUESTS_PER_SECOND));
            num(h, Format.ms(m.p50Ms()));
            num(h, Format.ms(m.p95Ms()));
            flagged(h, Format.ms(m.p99Ms()), find(regressions, m, Metric.P99));
            num(h, Format.ms(m.maxMs()));
            num(h, Format.count(m.requests()));
            h.element("td", Format.count(m.errors()), "class", m.errors() > 0 ? "num errors" : "num");
            num(h, m.cpuMsPer1000Requests() == null ? "–" : Format.decimal(m.cpuMsPer1000Requests()));
            num(h, m.peakRssBytes() == null ? "–" : Format.mib(m.peakRssBytes()));
            num(h, m.memoryPerIdleConnectionBytes() == null ? "–" : Format.bytes(m.memoryPerIdleConnectionBytes()));
            h.element("td", switch (m.expectation().outcome()) {
                case PASS -> "pass";
                case EXPECTED_TO_FAIL -> "expected to fail: " + m.expectation().reason();
                case FAILED -> "FAILED: " + m.expectation().reason();
            });
            if (m.gatlingReport() == null) {
                h.element("td", "–");
            } else {
                h.open("td").element("a", "report", "href", m.gatlingReport() + "/index.html").close("td");
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
    }

    private static Regression find(List<Regression> regressions, Measurement m, Metric metric) {
        return regressions.stream().filter(r -> r.concerns(m, metric)).findFirst().orElse(null);
    }

    private static void flagged(Html h, String value, Regression r) {
        if (r == null) {
            num(h, value);
            return;
        }
        h.open("td", "class", "num regression").text(value).text(" ")
                .element("span", "▼ " + Format.change(r.change()), "class", "flag",
                        "title", "baseline " + (r.metric() == Metric.P99 ? Format.ms(r.baseline())
                                : Format.count(r.baseline())))
                .close("td");
    }

    private static void num(Html h, String value) {
        h.element("td", value, "class", "num");
    }

    private static void charts(Html h, Scenario s, List<Measurement> ms) {
        String id = "c-" + s.id();
        if (s.sweep()) {
            List<Double> xs = ms.stream().filter(m -> m.concurrency() != null)
                    .map(m -> (double) m.concurrency()).distinct().sorted().toList();
            Map<String, List<Charts.Point>> byTarget = new LinkedHashMap<>();
            for (Measurement m : ms) {
                if (m.concurrency() != null) {
                    byTarget.computeIfAbsent(m.target(), k -> new ArrayList<>())
                            .add(new Charts.Point(m.concurrency(), m.requestsPerSecond()));
                }
            }
            List<Charts.Series> series = byTarget.entrySet().stream()
                    .map(e -> new Charts.Series(e.getKey(), e.getValue())).toList();
            String title = s.title() + ": throughput against concurrency";
            figure(h, title, Charts.lines(id + "-rps", title, "clients", "requests/s", xs, series, Format::count));
        }
        // Latency and memory at the highest load each target reached.
        List<Measurement> last = lastPerTarget(ms);
        List<String> names = last.stream().map(Measurement::target).toList();
        double[][] latency = last.stream().map(m -> new double[]{m.p50Ms(), m.p95Ms(), m.p99Ms()})
                .toArray(double[][]::new);
        String latencyTitle = s.title() + ": latency percentiles" + (s.sweep() ? " at the most clients" : "");
        figure(h, latencyTitle, Charts.groupedBars(id + "-lat", latencyTitle, "ms", names,
                List.of("p50", "p95", "p99"), latency, Format::ms));
        if (last.stream().allMatch(m -> m.peakRssBytes() != null)) {
            String title = s.title() + ": peak resident memory";
            figure(h, title, Charts.bars(id + "-mem", title, "MiB", names,
                    last.stream().mapToDouble(m -> m.peakRssBytes() / (1024.0 * 1024.0)).toArray(),
                    Format::decimal));
        }
        if (last.stream().allMatch(m -> m.memoryPerIdleConnectionBytes() != null)) {
            String title = s.title() + ": memory per idle connection";
            figure(h, title, Charts.bars(id + "-conn", title, "bytes", names,
                    last.stream().mapToDouble(Measurement::memoryPerIdleConnectionBytes).toArray(), Format::count));
        }
    }

    /** A chart with its title visible above it (the SVG's own title is for screen readers). */
    private static void figure(Html h, String title, String svg) {
        h.open("figure").element("figcaption", title).markup(svg).close("figure");
    }

    private static List<Measurement> lastPerTarget(List<Measurement> ms) {
        Map<String, Measurement> last = new LinkedHashMap<>();
        ms.forEach(m -> last.put(m.target(), m)); // sorted by concurrency: the last is the highest
        return List.copyOf(last.values());
    }
}
