package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Probe;
import io.h1kit.conformance.model.Read;

/**
 * The catalogue's request notation as constants, so a case reads like its catalogue row:
 * {@code G + "X: a\r\n\r\n" + S}. {@code {host}} and {@code {S}} are filled in by the probe context.
 */
final class Requests {
    /** {G}: {@code GET / HTTP/1.1↵Host: t↵}, no blank line yet. */
    static final String G = "GET / HTTP/1.1\r\nHost: {host}\r\n";
    /** {P}: {@code POST /echo HTTP/1.1↵Host: t↵}, no blank line yet. */
    static final String P = "POST /echo HTTP/1.1\r\nHost: {host}\r\n";
    /** +S: the sentinel request, appended in the same write. */
    static final String S = "{S}";
    /** CRLF. */
    static final String CRLF = "\r\n";

    private Requests() {
    }

    /**
     * Sends {@code text} in one write and reads one response. The close (and any stray response
     * after it) is watched only after a refusal: a lenient server's 2xx costs no close window.
     */
    static Probe refusalWatched(String text) {
        return ctx -> ctx.exchange(text, Read.responses(1).closeCheckUnlessSuccess());
    }

    /** A complete GET of {@code path}. */
    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: {host}\r\n\r\n";
    }
}
