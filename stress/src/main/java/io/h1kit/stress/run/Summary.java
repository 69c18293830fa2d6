package io.h1kit.stress.run;

import java.util.List;

/**
 * What a stress run found, as written to summary.json (schema {@code h1kit-stress/1}) for the
 * combined report. {@code ok} is the verdict: every real structure passed every check, every
 * flawed one was caught by each check that must catch it, jcstress ran tests and had no soft or
 * hard error, and lincheck ran without errors.
 */
public record Summary(String schema, String mode, String startedAt, long durationMillis, Jcstress jcstress,
                      List<Lincheck> lincheck, List<Expectation> expectations, List<String> problems, boolean ok) {
    public static final String SCHEMA = "h1kit-stress/1";

    /** jcstress's totals; {@code forbidden} lists every FORBIDDEN outcome seen, flawed tests' included. */
    public record Jcstress(int tests, int passed, int failed, List<Forbidden> forbidden, int softErrors,
                           int hardErrors, String report) {
    }

    public record Forbidden(String test, String outcome, long count, String description) {
    }

    /** One lincheck run; {@code trace} is lincheck's report of the failure (the interleaving), or empty. */
    public record Lincheck(String test, String mode, String result, long millis, String trace) {
    }

    /**
     * One implementation and whether the suite judged it as it must: a real one passes, a flawed one
     * is caught.
     */
    public record Expectation(String subject, String implementation, String variant, String bug, boolean caught,
                              boolean ok, List<CheckResult> checks, String note) {
    }

    /** One check of an implementation: passed, failed (the tool caught something), error, or missing. */
    public record CheckResult(String tool, String test, String mode, boolean required, String result,
                              String detail) {
    }
}
