package io.h1kit.stress.run;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's reports: summary.json (for the combined report and CI), index.html (the expectations,
 * linking jcstress's own report), lincheck.html and lincheck/*.txt (lincheck's failure traces).
 * The HTML needs no script and no inline style (Jenkins' default Content-Security-Policy blocks
 * both): one sibling style.css.
 */
final class Reports {
    static final String JCSTRESS_REPORT = "jcstress/report/index.html";

    private Reports() {
    }

    static Summary summary(Mode mode, Instant started, long millis, List<JcstressResult> jcstress,
                           List<LincheckResult> lincheck, List<Summary.Expectation> expectations) {
        List<Summary.Forbidden> forbidden = new ArrayList<>();
        for (JcstressResult r : jcstress) {
            for (JcstressResult.Outcome o : r.forbidden()) {
                forbidden.add(new Summary.Forbidden(r.test(), o.id(), o.count(), o.description()));
            }
        }
        int passed = (int) jcstress.stream().filter(JcstressResult::passed).count();
        int soft = (int) jcstress.stream().filter(JcstressResult::softError).count();
        int hard = (int) jcstress.stream().filter(JcstressResult::hardError).count();
        int failed = jcstress.size() - passed - soft - hard;
        Summary.Jcstress js = new Summary.Jcstress(jcstress.size(), passed, failed, forbidden, soft, hard, JCSTRESS_REPORT);

        List<Summary.Lincheck> lc = lincheck.stream().map(r -> new Summary.Lincheck(r.test(), r.strategy().id(),
                r.outcome().name().toLowerCase(Locale.ROOT), r.millis(), r.trace())).toList();

        List<String> problems = new ArrayList<>();
        if (jcstress.isEmpty()) {
            problems.add("jcstress ran no test");
        }
        if (soft > 0 || hard > 0) {
            problems.add("jcstress had " + soft + " soft and " + hard + " hard errors");
        }
        if (lincheck.isEmpty()) {
            problems.add("lincheck ran no test");
        }
        lincheck.stream().filter(r -> r.outcome() == LincheckResult.Outcome.ERROR)
                .forEach(r -> problems.add("lincheck " + r.test() + " (" + r.strategy().id() + ") errored"));
        for (Summary.Expectation e : expectations) {
            if (!e.ok()) {
                problems.add(e.variant().equals("fixed")
                        ? e.implementation() + " (real) failed a check"
                        : e.implementation() + " (flawed) was not caught by every check that must catch it");
            }
        }
        return new Summary(Summary.SCHEMA, mode.id(), started.toString(), millis, js, lc, expectations,
                problems, problems.isEmpty());
    }

    static void write(Path out, Summary summary) throws IOException {
        Files.createDirectories(out.resolve("lincheck"));
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        json.writeValue(out.resolve("summary.json").toFile(), summary);
        for (Summary.Lincheck l : summary.lincheck()) {
            if (!l.trace().isEmpty()) {
                Files.writeString(out.resolve("lincheck").resolve(traceFile(l)), l.trace() + "\n", StandardCharsets.UTF_8);
            }
        }
        Files.writeString(out.resolve("style.css"), Html.CSS, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("index.html"), Html.index(summary), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("lincheck.html"), Html.lincheck(summary), StandardCharsets.UTF_8);
    }

    static String traceFile(Summary.Lincheck l) {
        return l.test() + "-" + l.mode() + ".txt";
    }
}
