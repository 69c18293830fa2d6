package io.h1kit.stress.run;

import io.h1kit.stress.run.Catalog.Check;
import io.h1kit.stress.run.Catalog.Implementation;
import io.h1kit.stress.run.Catalog.Variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Judges each catalog implementation from the tools' results. Pure: no I/O. */
final class Verdicts {
    static final String PASSED = "passed";
    static final String FAILED = "failed";
    static final String ERROR = "error";
    static final String MISSING = "missing";

    private Verdicts() {
    }

    static List<Summary.Expectation> judge(List<Implementation> catalog, List<JcstressResult> jcstress,
                                           List<LincheckResult> lincheck) {
        Map<String, JcstressResult> byTest = jcstress.stream()
                .collect(Collectors.toMap(JcstressResult::test, r -> r));
        List<Summary.Expectation> out = new ArrayList<>();
        for (Implementation impl : catalog) {
            List<Summary.CheckResult> checks = new ArrayList<>();
            for (Check check : impl.checks()) {
                checks.add(switch (check.tool()) {
                    case JCSTRESS -> jcstressCheck(check, byTest.get(check.test()));
                    case LINCHECK -> lincheckCheck(check, lincheck);
                });
            }
            boolean caught = checks.stream().anyMatch(c -> c.result().equals(FAILED));
            boolean broken = checks.stream().anyMatch(c -> c.result().equals(ERROR) || c.result().equals(MISSING));
            boolean ok = !broken && (impl.variant() == Variant.FIXED
                    ? checks.stream().allMatch(c -> c.result().equals(PASSED))
                    : checks.stream().filter(Summary.CheckResult::required).allMatch(c -> c.result().equals(FAILED))
                            && caught);
            out.add(new Summary.Expectation(impl.subject(), impl.implementation(), impl.variant().id(), impl.bug(),
                    caught, ok, checks, impl.note()));
        }
        return out;
    }

    private static Summary.CheckResult jcstressCheck(Check check, JcstressResult r) {
        if (r == null) {
            return result(check, MISSING, "jcstress did not run this test");
        }
        if (r.softError() || r.hardError()) {
            return result(check, ERROR, r.status() + (r.messages().isEmpty() ? "" : ": " + r.messages().getFirst()));
        }
        if (r.passed()) {
            return result(check, PASSED, r.samples() + " samples, no forbidden outcome");
        }
        String seen = r.forbidden().stream().map(f -> "\"" + f.id() + "\" x" + f.count())
                .collect(Collectors.joining(", "));
        return result(check, FAILED, "forbidden " + seen + " in " + r.samples() + " samples");
    }

    private static Summary.CheckResult lincheckCheck(Check check, List<LincheckResult> results) {
        LincheckResult r = results.stream()
                .filter(x -> x.test().equals(check.test()) && x.strategy() == check.strategy())
                .findFirst().orElse(null);
        if (r == null) {
            return result(check, MISSING, "lincheck did not run this test");
        }
        return switch (r.outcome()) {
            case PASSED -> result(check, PASSED, "no failure in " + r.millis() + " ms");
            case FAILED -> result(check, FAILED, firstLine(r.trace()));
            case ERROR -> result(check, ERROR, firstLine(r.trace()));
        };
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").replace("=", "").strip();
    }

    private static Summary.CheckResult result(Check check, String result, String detail) {
        return new Summary.CheckResult(check.tool().name().toLowerCase(java.util.Locale.ROOT), check.test(),
                check.strategy() == null ? null : check.strategy().id(), check.required(), result, detail);
    }
}
