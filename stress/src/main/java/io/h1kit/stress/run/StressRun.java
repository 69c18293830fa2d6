package io.h1kit.stress.run;

import io.h1kit.stress.run.Catalog.Check;
import io.h1kit.stress.run.Catalog.LincheckTest;
import io.h1kit.stress.run.Catalog.Tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One stress run: jcstress in its own JVM, then lincheck in this one; then the catalog's
 * expectations judged, and the reports written to the output folder ({@link Reports}). One tool
 * after the other, not both at once: jcstress runs its two actors on two threads and needs both
 * cores of a small CI machine; beside lincheck it got as few as 4 samples of a test on two cores,
 * too few to catch a race it otherwise catches every time.
 * Needs {@code -XX:+EnableDynamicAgentLoading} (lincheck's agent).
 */
public final class StressRun {
    private StressRun() {
    }

    /**
     * @param progress where one line per finished check goes
     * @throws StressException when a tool did not run or left nothing to read
     */
    public static Summary run(Mode mode, Path out, PrintStream progress) throws IOException, InterruptedException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        List<Catalog.Implementation> catalog = Catalog.implementations();

        progress.println("h1kit stress (" + mode.id() + "): jcstress and lincheck, results in " + out);
        JcstressRunner jcstress = new JcstressRunner(out.resolve("jcstress"), mode.jcstressArgs(),
                mode.jcstressTimeout(), progress);
        jcstress.start(Catalog.jcstressSelection());
        List<JcstressResult> jcstressResults = jcstress.await();

        List<LincheckResult> lincheck = new ArrayList<>();
        Map<String, LincheckTest> tests = Catalog.lincheckTests();
        for (Check check : lincheckChecks(catalog)) {
            LincheckTest test = tests.get(check.test());
            if (test == null) {
                throw new StressException("the catalog names an unknown lincheck test " + check.test());
            }
            LincheckResult r = LincheckRunner.run(test.name(), test.testClass(), test.configure(), check.strategy(),
                    mode.lincheck());
            progress.printf("  lincheck %-46s %-14s %-6s %6d ms%n", r.test(), r.strategy().id(),
                    r.outcome().name().toLowerCase(java.util.Locale.ROOT), r.millis());
            lincheck.add(r);
        }

        List<Summary.Expectation> expectations = Verdicts.judge(catalog, jcstressResults, lincheck);
        Summary summary = Reports.summary(mode, started, (System.nanoTime() - start) / 1_000_000, jcstressResults,
                lincheck, expectations);
        Reports.write(out, summary);
        return summary;
    }

    /** Each lincheck test and strategy the catalog names, once, in catalog order. */
    private static Set<Check> lincheckChecks(List<Catalog.Implementation> catalog) {
        Set<Check> checks = new LinkedHashSet<>();
        for (Catalog.Implementation impl : catalog) {
            for (Check c : impl.checks()) {
                if (c.tool() == Tool.LINCHECK) {
                    checks.add(new Check(c.tool(), c.test(), c.strategy(), true));
                }
            }
        }
        return checks;
    }
}
