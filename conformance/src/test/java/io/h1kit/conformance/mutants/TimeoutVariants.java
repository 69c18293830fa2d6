package io.h1kit.conformance.mutants;

import io.h1kit.conformance.model.Level;

import java.time.Duration;
import java.util.List;

import static io.h1kit.conformance.mutants.Variant.Technique.TIMEOUTS;

/**
 * The variants that wait forever: the sequential server with one of its timeouts turned off (a
 * day is forever to a test). Only the slow cases, which wait for a server's own timeouts, can
 * catch them, so these variants are the ones that run slow cases.
 */
final class TimeoutVariants {
    /** Long enough to never happen during a run. */
    static final Duration FOREVER = Duration.ofDays(1);

    private TimeoutVariants() {
    }

    static List<Variant> all() {
        return List.of(
                Variant.http("NO_HEADER_TIMEOUT", "never gives up on a header section that arrives byte by byte (slowloris)",
                                "catalogue mutant NO_HEADER_TIMEOUT; CVE-2007-6750 (slowloris against Apache httpd)",
                                TIMEOUTS, List.of("LIM-02"), () -> Servers.sequentialWith(t -> t.withHeader(FOREVER)))
                        // LIM-02 is a hardening row: no RFC keyword requires a header timeout.
                        .alsoCaughtAt(Level.HARDENING),
                Variant.http("NO_BODY_TIMEOUT", "never gives up on an incomplete body",
                        "catalogue CL-12, CHK-11 (RFC 9112 §8: an incomplete message \"MUST\" be closed) and LIM-05 "
                                + "(PortSwigger's pause-based desync)",
                        TIMEOUTS, List.of("CL-12", "CHK-11", "LIM-05"), () -> Servers.sequentialWith(t -> t.withBody(FOREVER))));
    }
}
