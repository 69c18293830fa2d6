package io.h1kit.conformance.report;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known failures do not gate; unexpected passes and new failures do; the file round-trips. */
class BaselineTest {
    private static final String MUST_FAIL = "9112-6.1/05";
    private static final String SHOULD_FAIL = "9112-6.1/06";
    private static final String ERROR = "9112-11.2/01";

    /** The synthetic run without its harness ERROR, so that exit codes speak of conformance only. */
    private static RunResult run(boolean strict) {
        return Synthetic.with(Synthetic.everyVerdict("t", strict), ERROR, Verdict.SKIP, null);
    }

    private static TargetReport judged(RunResult run, Map<String, Verdict> known) {
        Baseline b = new Baseline("t", known);
        List<String> ids = run.results().stream().map(r -> r.kase().id()).toList();
        return new TargetReport(run, BaselineCheck.of(b, "known.json", run, ids), null);
    }

    @Test
    void withoutABaselineAMustFailureGates() {
        TargetReport t = TargetReport.of(run(false));
        assertEquals(List.of(MUST_FAIL), t.gating().stream().map(r -> r.kase().id()).toList());
        assertEquals(1, t.exitCode());
    }

    @Test
    void aKnownFailureIsReportedButDoesNotGate() {
        TargetReport t = judged(run(false), Map.of(MUST_FAIL, Verdict.FAIL));
        assertEquals(List.of(), t.gating());
        assertEquals(0, t.exitCode());
        assertEquals(BaselineCheck.Standing.KNOWN, t.baseline().entry(MUST_FAIL).standing());
        assertEquals(List.of(MUST_FAIL), t.baseline().excused(t.run()));
    }

    @Test
    void aKnownErrorDoesNotGateEither() {
        RunResult withError = Synthetic.everyVerdict("t", false);
        TargetReport t = judged(withError, Map.of(MUST_FAIL, Verdict.FAIL, ERROR, Verdict.ERROR));
        assertEquals(0, t.exitCode());
        assertEquals(4, judged(withError, Map.of(MUST_FAIL, Verdict.FAIL)).exitCode(), "an unknown ERROR is exit 4");
    }

    @Test
    void knownNonStrictOutcomesDoNotGateUnderStrict() {
        TargetReport strict = judged(run(true), Map.of());
        assertEquals(List.of("9112-2.2/02", MUST_FAIL, SHOULD_FAIL),
                strict.gating().stream().map(r -> r.kase().id()).toList());
        TargetReport known = judged(run(true), Map.of("9112-2.2/02", Verdict.NON_STRICT, MUST_FAIL, Verdict.FAIL,
                SHOULD_FAIL, Verdict.FAIL));
        assertEquals(0, known.exitCode());
    }

    @Test
    void aListedFailureThatNowPassesIsAnUnexpectedPassAndGates() {
        TargetReport t = judged(run(false), Map.of(MUST_FAIL, Verdict.FAIL, "9112-3/01", Verdict.FAIL));
        assertEquals(List.of("9112-3/01"), t.baseline().ids(BaselineCheck.Standing.UNEXPECTED_PASS));
        assertEquals(List.of("9112-3/01"), t.gating().stream().map(r -> r.kase().id()).toList());
        assertEquals(1, t.exitCode());
        // Also where the baseline lists a NON-STRICT outcome, which never gates without --strict: it is stale.
        TargetReport should = judged(run(false), Map.of(MUST_FAIL, Verdict.FAIL, "9112-2.2/01", Verdict.NON_STRICT));
        assertEquals(1, should.exitCode());
    }

    @Test
    void aNewFailureGatesAsUsual() {
        TargetReport t = judged(run(false), Map.of(SHOULD_FAIL, Verdict.FAIL));
        assertEquals(List.of(MUST_FAIL), t.baseline().ids(BaselineCheck.Standing.NEW_FAILURE));
        assertEquals(1, t.exitCode());
    }

    @Test
    void aChangedVerdictGatesOnlyIfItWouldWithoutTheBaseline() {
        TargetReport worse = judged(run(false), Map.of(MUST_FAIL, Verdict.NON_STRICT));
        assertEquals(BaselineCheck.Standing.CHANGED, worse.baseline().entry(MUST_FAIL).standing());
        assertEquals(1, worse.exitCode(), "NON-STRICT became FAIL at MUST: gates");
        TargetReport skipped = judged(Synthetic.with(run(false), MUST_FAIL, Verdict.SKIP, null), Map.of(MUST_FAIL, Verdict.FAIL));
        assertEquals(BaselineCheck.Standing.CHANGED, skipped.baseline().entry(MUST_FAIL).standing());
        assertEquals(0, skipped.exitCode(), "FAIL became SKIP: reported, not gating");
        TargetReport skipToPass = judged(run(false), Map.of(MUST_FAIL, Verdict.FAIL, "9112-3/01", Verdict.SKIP));
        assertEquals(BaselineCheck.Standing.CHANGED, skipToPass.baseline().entry("9112-3/01").standing());
        assertEquals(0, skipToPass.exitCode(), "SKIP is not failing: its PASS is not an unexpected pass");
    }

    @Test
    void idsTheCatalogueNoLongerHasAreReported() {
        TargetReport t = judged(run(false), Map.of(MUST_FAIL, Verdict.FAIL, "9112-99/01", Verdict.FAIL));
        assertEquals(List.of("9112-99/01"), t.baseline().unknownIds());
        assertEquals(0, t.exitCode(), "a stale id does not gate");
    }

    @Test
    void aBaselineCannotExcuseAFailedBaselineCase() {
        RunResult broken = Synthetic.with(run(false), "9112-3/01", Verdict.FAIL,
                Synthetic.observation(List.of(500), CloseState.NOT_CHECKED, Map.of()));
        assertEquals(3, judged(broken, Map.of("9112-3/01", Verdict.FAIL, MUST_FAIL, Verdict.FAIL)).exitCode());
    }

    @Test
    void writeRecordsTheNonPassVerdictsAndReadReadsThemBack(@TempDir Path dir) throws IOException {
        RunResult run = Synthetic.everyVerdict("t", false);
        Path file = dir.resolve("sub/known.json");
        Baseline.of(run).write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"schema\" : \"h1kit-conformance-baseline/1\""), text);
        Baseline back = Baseline.read(file);
        Map<String, Verdict> expected = new LinkedHashMap<>();
        for (CaseResult r : run.results()) {
            if (r.verdict() != Verdict.PASS) {
                expected.put(r.kase().id(), r.verdict());
            }
        }
        assertEquals(expected, back.known());
        assertEquals("t", back.target());
        assertEquals(0, judged(run, back.known()).exitCode(), "a run judged against its own baseline passes");
    }

    @Test
    void readAcceptsEitherSpellingOfAVerdict(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("b.json");
        Files.writeString(file, "{\"schema\":\"h1kit-conformance-baseline/1\",\"target\":\"x\","
                + "\"known\":{\"a/01\":\"NON-STRICT\",\"b/01\":\"dep_fail\",\"c/01\":\"FAIL\"}}");
        Baseline b = Baseline.read(file);
        assertEquals(Verdict.NON_STRICT, b.known("a/01"));
        assertEquals(Verdict.DEP_FAIL, b.known("b/01"));
        assertEquals(Verdict.FAIL, b.known("c/01"));
    }

    @Test
    void readRejectsWhatIsNotABaselineWithOneLine(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.json");
        Path notJson = Files.writeString(dir.resolve("a.json"), "{not json");
        Path wrongSchema = Files.writeString(dir.resolve("b.json"), "{\"schema\":\"h1kit-conformance/1\",\"known\":{}}");
        Path badVerdict = Files.writeString(dir.resolve("c.json"),
                "{\"schema\":\"h1kit-conformance-baseline/1\",\"known\":{\"x/01\":\"BROKEN\"}}");
        Path noKnown = Files.writeString(dir.resolve("d.json"), "{\"schema\":\"h1kit-conformance-baseline/1\"}");
        for (Path p : List.of(missing, notJson, wrongSchema, badVerdict, noKnown)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baseline.read(p));
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        }
    }
}
