package io.h1kit.conformance.model;

import java.time.Duration;
import java.util.Set;

/**
 * How a probe reads the answer to what it sent.
 *
 * @param expected   responses a conformant reading of the bytes produces (the sentinel counted)
 * @param heads      indexes (0-based, final responses) that answer HEAD requests, so carry no body
 * @param closeCheck whether to poll for a close (and for stray extra responses) afterwards; null
 *                   follows the case's expectations
 * @param unlessSuccess with the close check on, skip it when the first final response is a 2xx:
 *                   a lenient server that accepts the input then costs no close window, while a
 *                   refusal is still watched for its close and for stray responses
 * @param timeout    how long to wait for each response; null means the budget's response time
 * @param closeWait  how long to wait for the close after the last response; null means the
 *                   budget's close window (a server that answers early and then waits out its
 *                   own body timeout needs the server-timeout budget here)
 */
public record Read(int expected, Set<Integer> heads, Boolean closeCheck, boolean unlessSuccess, Duration timeout,
                   Duration closeWait) {

    /** {@code n} responses; the close check follows the case's expectations. */
    public static Read responses(int n) {
        return new Read(n, Set.of(), null, false, null, null);
    }

    public Read heads(Integer... indexes) {
        return new Read(expected, Set.of(indexes), closeCheck, unlessSuccess, timeout, closeWait);
    }

    public Read closeCheck(boolean check) {
        return new Read(expected, heads, check, unlessSuccess, timeout, closeWait);
    }

    /** Watches for the close (and stray responses) only when the first final response is not a 2xx. */
    public Read closeCheckUnlessSuccess() {
        return new Read(expected, heads, true, true, timeout, closeWait);
    }

    /** Waits up to {@code d} for the close after the last response (and checks for it). */
    public Read closeWithin(Duration d) {
        return new Read(expected, heads, true, unlessSuccess, timeout, d);
    }

    public Read timeout(Duration d) {
        return new Read(expected, heads, closeCheck, unlessSuccess, d, closeWait);
    }
}
