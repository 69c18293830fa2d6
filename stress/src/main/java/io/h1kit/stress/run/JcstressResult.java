package io.h1kit.stress.run;

import java.util.List;

/**
 * What jcstress found for one test, over all its forks and JVM configurations.
 *
 * @param test      the test's name ({@code io.h1kit.stress.jcstress.BoundedQueueOfferTest.Fixed})
 * @param status    jcstress's status: NORMAL when the test ran; API_MISMATCH is a soft error, the
 *                  others (TEST_ERROR, VM_ERROR, TIMEOUT_ERROR, CHECK_TEST_ERROR) hard errors
 * @param passed    the test ran and saw no FORBIDDEN outcome
 * @param samples   how many outcomes were recorded
 * @param forbidden the FORBIDDEN outcomes seen, with how often
 * @param messages  jcstress's messages (an exception of the test, a stale thread)
 */
public record JcstressResult(String test, String status, boolean passed, long samples, List<Outcome> forbidden,
                             List<String> messages) {

    /** One observed outcome: its id, how often, and the test's description of it. */
    public record Outcome(String id, long count, String description) {
    }

    public boolean softError() {
        return status.equals("API_MISMATCH");
    }

    public boolean hardError() {
        return !status.equals("NORMAL") && !softError();
    }
}
