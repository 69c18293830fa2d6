package io.h1kit.stress.run;

/** The few lines a person (or a CI log) reads at the end of a run. */
final class ConsoleSummary {
    private ConsoleSummary() {
    }

    static String of(Summary s) {
        StringBuilder b = new StringBuilder();
        for (Summary.Expectation e : s.expectations()) {
            b.append(String.format("%-4s %-12s %-6s %s%n", e.ok() ? "ok" : "FAIL", e.subject(), e.variant(),
                    e.implementation() + (e.variant().equals("flawed") ? (e.caught() ? ": caught" : ": NOT caught")
                            : (e.caught() ? ": a check FAILED" : ": passed"))));
        }
        Summary.Jcstress j = s.jcstress();
        long lincheckPassed = s.lincheck().stream().filter(l -> l.result().equals("passed")).count();
        long lincheckFailed = s.lincheck().stream().filter(l -> l.result().equals("failed")).count();
        long lincheckErrors = s.lincheck().size() - lincheckPassed - lincheckFailed;
        b.append(String.format("jcstress: %d tests, %d passed, %d with forbidden outcomes, %d soft errs, %d hard errs%n",
                j.tests(), j.passed(), j.failed(), j.softErrors(), j.hardErrors()));
        b.append(String.format("lincheck: %d runs, %d passed, %d failed, %d errors%n", s.lincheck().size(),
                lincheckPassed, lincheckFailed, lincheckErrors));
        s.problems().forEach(p -> b.append("problem: ").append(p).append('\n'));
        long held = s.expectations().stream().filter(Summary.Expectation::ok).count();
        // The plain closing line CI reads: expectations that held and that did not.
        b.append(String.format("stress: %d passed, %d failed", held, s.expectations().size() - held));
        return b.toString();
    }
}
