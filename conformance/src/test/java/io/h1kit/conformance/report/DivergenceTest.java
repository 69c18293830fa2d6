package io.h1kit.conformance.report;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** HTTP Garden's taxonomy on hand-made pairs of results. */
class DivergenceTest {
    private static final io.h1kit.conformance.model.Case CASE = Synthetic.kase("9112-6.1/05", "TE-05", Level.MUST, "CL+TE");

    private static CaseResult result(Verdict v, CloseState close, Integer... statuses) {
        return new CaseResult(CASE, v, "m", Synthetic.observation(List.of(statuses), close, Map.of()), List.of(), 1);
    }

    private static CaseResult notRun(Verdict v) {
        return new CaseResult(CASE, v, "the target does not offer pipelining", null, List.of(), 0);
    }

    @Test
    void sameVerdictAndStatusesIsOk() {
        assertEquals(Divergence.OK, Divergence.classify(result(Verdict.PASS, CloseState.FIN, 400),
                result(Verdict.PASS, CloseState.FIN, 400)));
        assertEquals(Divergence.OK, Divergence.classify(notRun(Verdict.SKIP), notRun(Verdict.SKIP)));
    }

    @Test
    void oneAcceptedTheOtherRejectedIsType() {
        assertEquals(Divergence.TYPE, Divergence.classify(result(Verdict.FAIL, CloseState.OPEN, 200),
                result(Verdict.PASS, CloseState.FIN, 400)));
        assertEquals(Divergence.TYPE, Divergence.classify(result(Verdict.NON_STRICT, CloseState.FIN),
                result(Verdict.PASS, CloseState.OPEN, 200, 200)), "a silent close rejects; two 200s accept");
        assertEquals(Divergence.TYPE, Divergence.classify(result(Verdict.FAIL, CloseState.OPEN, 301),
                result(Verdict.PASS, CloseState.FIN, 501)), "a redirect accepts");
    }

    @Test
    void differentStatusesOnTheSameSideAreResponse() {
        assertEquals(Divergence.RESPONSE, Divergence.classify(result(Verdict.PASS, CloseState.FIN, 400),
                result(Verdict.NON_STRICT, CloseState.FIN, 431)));
        assertEquals(Divergence.RESPONSE, Divergence.classify(result(Verdict.PASS, CloseState.FIN, 400),
                result(Verdict.PASS, CloseState.FIN, 404)), "same verdict, statuses differ");
        assertEquals(Divergence.RESPONSE, Divergence.classify(result(Verdict.NON_STRICT, CloseState.FIN),
                result(Verdict.PASS, CloseState.FIN, 400)), "both reject: a close and a 400");
        assertEquals(Divergence.RESPONSE, Divergence.classify(result(Verdict.FAIL, CloseState.OPEN, 400),
                result(Verdict.PASS, CloseState.FIN, 400)), "same status, the close differs");
    }

    @Test
    void differentResponseCountsAreStreamEvenWhenOneRejected() {
        assertEquals(Divergence.STREAM, Divergence.classify(result(Verdict.FAIL, CloseState.OPEN, 200, 200),
                result(Verdict.PASS, CloseState.FIN, 200)));
        assertEquals(Divergence.STREAM, Divergence.classify(result(Verdict.FAIL, CloseState.OPEN, 200, 404),
                result(Verdict.PASS, CloseState.FIN, 400)), "the smuggling shape: the body became a request");
    }

    @Test
    void aSideThatDidNotRunIsNotCompared() {
        assertEquals(Divergence.NOT_COMPARED, Divergence.classify(notRun(Verdict.SKIP), result(Verdict.PASS, CloseState.FIN, 400)));
        assertEquals(Divergence.NOT_COMPARED, Divergence.classify(result(Verdict.PASS, CloseState.FIN, 400), notRun(Verdict.DEP_FAIL)));
    }

    @Test
    void differentialPairsByIdAndCounts() {
        RunResult target = Synthetic.everyVerdict("t", false);
        RunResult reference = Synthetic.with(Synthetic.everyVerdict("ref", false), "9112-6.1/05", Verdict.PASS,
                Synthetic.observation(List.of(400), CloseState.FIN, Map.of()));
        Differential d = Differential.of(target, reference);
        assertEquals(target.results().size(), d.pairs().size());
        assertEquals(Divergence.STREAM, d.pair("9112-6.1/05").divergence(), "[200, 200] against [400]");
        assertEquals(target.results().size() - 1, d.counts().get(Divergence.OK));
        assertFalse(d.pair("9112-6.1/05").describe().isEmpty());
    }
}
