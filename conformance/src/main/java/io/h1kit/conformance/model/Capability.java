package io.h1kit.conformance.model;

import java.util.Locale;

/**
 * What a target offers beyond the baseline. A target claims a capability on the command line, or
 * the suite probes for it; a case that needs one the target lacks is SKIP with the reason, never
 * FAIL, so that a sequential server is not failed for being sequential.
 */
public enum Capability {
    /** Answers several requests on one connection. */
    PERSISTENT("persistent connections"),
    /** Answers requests sent in one write, in order. */
    PIPELINING("pipelining"),
    /** Serves the /echo fixture: a JSON reflection of what the server parsed. */
    ECHO_FIXTURE("the /echo fixture"),
    /** Serves the kit's static-file fixture tree (conformance/fixture/www) as its document root. */
    FILE_FIXTURE("the static-file fixture"),
    /** Serves one client while another is slow: one slow client must not block another. */
    CONCURRENT("concurrent service");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The command-line spelling: persistent, pipelining, echo-fixture, file-fixture, concurrent. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Capability parse(String label) {
        for (Capability c : values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown capability '" + label
                + "'; known: persistent, pipelining, echo-fixture, file-fixture, concurrent");
    }
}
