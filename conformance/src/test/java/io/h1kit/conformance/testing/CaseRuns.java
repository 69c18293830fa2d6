package io.h1kit.conformance.testing;

import io.h1kit.conformance.junit.ConformanceSuite;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Runs one case against a fake target, as the tests that prove a case discriminates do. */
public final class CaseRuns {
    private CaseRuns() {
    }

    /** Runs case {@code id} (and the baseline, which always runs) with {@code options}, its include replaced. */
    public static RunResult run(InetSocketAddress address, RunOptions options, String id) {
        return ConformanceSuite.run(Target.of("fake", address), options.withInclude(List.of(id)));
    }

    /**
     * Starts a fake with {@code fake}, runs case {@code id} against it and returns the case's verdict,
     * after checking that the baseline passed (else the fake proves nothing) and that the case ran.
     */
    public static Verdict verdict(FakeServer.Handler fake, RunOptions options, String id) throws IOException {
        try (FakeServer server = FakeServer.start(fake)) {
            RunResult result = run(server.address(), options, id);
            String baseline = options.profile() == Profile.HTTP ? Case.HTTP_BASELINE : Case.ECHO_BASELINE;
            assertEquals(Verdict.PASS, result.result(baseline).verdict(), "the baseline must pass on the fake");
            CaseResult r = result.result(id);
            assertNotNull(r, "case " + id + " did not run");
            return r.verdict();
        }
    }
}
