package io.h1kit.conformance.model;

import java.time.Duration;
import java.util.Set;

/**
 * How a probe reads the answer to what it sent.
 *
 * @param expected   responses a conformant reading of the bytes produces (the sentinel counted)
 * @param heads      indexes (0-based, final responses) that answer HEAD requests, so carry no body
 * @param closeCheck whether to poll for a close (and for stray extra responses) afterwards
 * @param timeout    how long to wait for each response; null means the budget's response time
 * @param closeWait  how long to wait for the close after the last response; null means the
 *                   budget's close window (a server that answers early and then waits out its
 *                   own body timeout needs the server-timeout budget here)
 */
public record Read(int expected, Set<Integer> heads, Boolean closeCheck, Duration timeout, Duration closeWait) {

    /** {@code n} responses; the close check follows the case's expectations. */
    public static Read responses(int n) {
        return new Read(n, Set.of(), null, null, null);
    }

    public Read heads(Integer... indexes) {
        return new Read(expected, Set.of(indexes), closeCheck, timeout, closeWait);
    }

    public Read closeCheck(boolean check) {
        return new Read(expected, heads, check, timeout, closeWait);
    }

    /** Waits up to {@code d} for the close after the last response (and checks for it). */
    public Read closeWithin(Duration d) {
        return new Read(expected, heads, true, timeout, d);
    }

    public Read timeout(Duration d) {
        return new Read(expected, heads, closeCheck, d, closeWait);
    }
}
