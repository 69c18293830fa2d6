package io.h1kit.stress.run;

import io.h1kit.stress.run.Catalog.Check;
import io.h1kit.stress.run.Catalog.Implementation;
import io.h1kit.stress.run.Catalog.Tool;
import io.h1kit.stress.run.Catalog.Variant;
import io.h1kit.stress.run.LincheckResult.Outcome;
import io.h1kit.stress.run.LincheckResult.Strategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the tools' results become verdicts, without running the tools. */
class VerdictsTest {
    private static final Check JCSTRESS = new Check(Tool.JCSTRESS, "T.Fixed", null, true);
    private static final Check MC = new Check(Tool.LINCHECK, "L", Strategy.MODEL_CHECKING, true);
    private static final Check STRESS = new Check(Tool.LINCHECK, "L", Strategy.STRESS, false);

    private static Implementation impl(Variant variant, Check... checks) {
        return new Implementation("Queue", variant, "Q", "", List.of(checks), "");
    }

    private static JcstressResult passed() {
        return new JcstressResult("T.Fixed", "NORMAL", true, 100, List.of(), List.of());
    }

    private static JcstressResult forbidden() {
        return new JcstressResult("T.Fixed", "NORMAL", false, 100,
                List.of(new JcstressResult.Outcome("true, true", 3, "both got in")), List.of());
    }

    private static LincheckResult lincheck(Strategy s, Outcome o) {
        return new LincheckResult("L", s, o, o == Outcome.PASSED ? "" : "= Invalid execution results =", 1);
    }

    @Test
    void aRealStructureIsOkOnlyWhenEveryCheckPasses() {
        Summary.Expectation ok = Verdicts.judge(List.of(impl(Variant.FIXED, JCSTRESS, MC)), List.of(passed()),
                List.of(lincheck(Strategy.MODEL_CHECKING, Outcome.PASSED))).getFirst();
        assertTrue(ok.ok());
        assertFalse(ok.caught());
        Summary.Expectation bad = Verdicts.judge(List.of(impl(Variant.FIXED, JCSTRESS, MC)), List.of(forbidden()),
                List.of(lincheck(Strategy.MODEL_CHECKING, Outcome.PASSED))).getFirst();
        assertFalse(bad.ok());
        assertEquals("failed", bad.checks().getFirst().result());
    }

    @Test
    void aFlawedCopyMustBeCaughtByEveryRequiredCheckButNotByReportedOnes() {
        List<Implementation> catalog = List.of(impl(Variant.FLAWED, JCSTRESS, MC, STRESS));
        assertTrue(Verdicts.judge(catalog, List.of(forbidden()), List.of(lincheck(Strategy.MODEL_CHECKING,
                Outcome.FAILED), lincheck(Strategy.STRESS, Outcome.PASSED))).getFirst().ok());
        assertFalse(Verdicts.judge(catalog, List.of(passed()), List.of(lincheck(Strategy.MODEL_CHECKING,
                Outcome.FAILED), lincheck(Strategy.STRESS, Outcome.FAILED))).getFirst().ok());
    }

    @Test
    void aMissingTestOrAToolErrorIsNeverOk() {
        List<Implementation> catalog = List.of(impl(Variant.FLAWED, JCSTRESS, MC));
        Summary.Expectation missing = Verdicts.judge(catalog, List.of(), List.of(lincheck(Strategy.MODEL_CHECKING,
                Outcome.FAILED))).getFirst();
        assertFalse(missing.ok());
        assertEquals("missing", missing.checks().getFirst().result());
        JcstressResult hardError = new JcstressResult("T.Fixed", "VM_ERROR", false, 0, List.of(), List.of("crash"));
        Summary.Expectation error = Verdicts.judge(catalog, List.of(hardError), List.of(lincheck(
                Strategy.MODEL_CHECKING, Outcome.FAILED))).getFirst();
        assertFalse(error.ok());
        assertEquals("error", error.checks().getFirst().result());
    }

    @Test
    void everyCatalogCheckNamesARealTest() {
        var lincheck = Catalog.lincheckTests();
        for (Implementation impl : Catalog.implementations()) {
            for (Check c : impl.checks()) {
                if (c.tool() == Tool.LINCHECK) {
                    assertTrue(lincheck.containsKey(c.test()), c.test());
                } else {
                    assertTrue(c.test().startsWith("io.h1kit.stress.jcstress."), c.test());
                }
            }
        }
    }
}
