package io.h1kit.conformance.model;

import java.time.Duration;

/**
 * How long the suite waits, all configurable (ATS PR #6891: flaky verdicts came from fixed
 * budgets).
 *
 * @param connect       to connect
 * @param response      for a response that a conformant server sends at once
 * @param closeWindow   polling for a close after the last response (never one snapshot:
 *                      Http11Probe PR #137)
 * @param serverTimeout for the target's own timeouts (idle, slowloris, incomplete body): a server
 *                      still waiting past it is judged never to give up
 */
public record Budgets(Duration connect, Duration response, Duration closeWindow, Duration serverTimeout) {
    /** Loopback or a LAN answers in milliseconds; 3 s absorbs a busy CI machine. */
    public static final Duration RESPONSE = Duration.ofSeconds(3);
    /** The catalogue's close-detection window: at least 1 s. */
    public static final Duration CLOSE_WINDOW = Duration.ofSeconds(1);
    public static final Duration CONNECT = Duration.ofSeconds(3);
    /** Above common defaults for header and idle timeouts (Apache 5 to 40 s, the kit's 2 to 30 s). */
    public static final Duration SERVER_TIMEOUT = Duration.ofSeconds(30);

    public static final Budgets DEFAULTS = new Budgets(CONNECT, RESPONSE, CLOSE_WINDOW, SERVER_TIMEOUT);

    public Budgets {
        for (Duration d : new Duration[] {connect, response, closeWindow, serverTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("every budget must be positive");
            }
        }
    }

    public Budgets withServerTimeout(Duration d) {
        return new Budgets(connect, response, closeWindow, d);
    }
}
