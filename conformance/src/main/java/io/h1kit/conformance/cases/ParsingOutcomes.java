package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.EchoView;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Probe;
import io.h1kit.conformance.model.Read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Outcomes and a probe shared by the parsing sections (MSG, RL, TGT, VER, HDR, HOST), built only
 * from {@link Expect}'s vocabulary and {@link io.h1kit.conformance.model.ProbeContext}. Stateless.
 */
final class ParsingOutcomes {
    /** RFC 9112 §2.2, the sentence behind every "400✕" of the parsing rows. */
    static final String SECTION_2_2 = "RFC 9112 §2.2";
    static final String BAD_REQUEST_AND_CLOSE = "When a server listening only for HTTP request messages, or "
            + "processing what appears from the start-line to be an HTTP request message, receives a sequence of "
            + "octets that does not match the HTTP-message grammar aside from the robustness exceptions listed "
            + "above, the server SHOULD respond with a 400 (Bad Request) response and close the connection.";
    /** RFC 9112 §3, for the request-line rows. */
    static final String SECTION_3 = "RFC 9112 §3";
    static final String INVALID_REQUEST_LINE = "Recipients of an invalid request-line SHOULD respond with either a "
            + "400 (Bad Request) error or a 301 (Moved Permanently) redirect with the request-target properly encoded.";

    private ParsingOutcomes() {
    }

    /** "400✕": the catalogue's preferred answer to bytes that do not match the grammar. */
    static Expectation rejected() {
        return Expect.statusThenClose(400);
    }

    /**
     * Half of §2.2's "400 and close": one response with one of these statuses and the connection
     * left open, or a close without a response. Each misses only part of a SHOULD, so the parsing
     * rows that pass "400✕" take either as NON-STRICT rather than FAIL (which would gate a MUST
     * row on a SHOULD). A second response (the server went on to parse what followed the bad
     * bytes) is not accepted.
     */
    static Expectation halfRejected(int... codes) {
        int[] statuses = codes.length == 0 ? new int[] {400} : codes;
        return leftOpen(statuses).or(Expect.closeWithoutResponse());
    }

    /** One response with one of these statuses, the connection still open afterwards. */
    static Expectation leftOpen(int... codes) {
        return Expect.thatWithClose(describe(codes) + " with the connection left open",
                o -> o.count() == 1 && in(o.status(), codes) && o.close() == CloseState.OPEN);
    }

    /** 400 with or without a close, or a close without a response: any refusal. */
    static Expectation anyRefusal() {
        return Expect.status(400).or(Expect.closeWithoutResponse());
    }

    /**
     * A reply that is not an HTTP/1.x response at all (no status-line): what an HTTP/0.9 server
     * sends, the content alone.
     */
    static Expectation http09Reply() {
        return Expect.that("a reply without a status-line (HTTP/0.9 style)",
                o -> o.count() >= 1 && o.first().status() < 0 && o.first().raw().length > 0);
    }

    /**
     * The server answered the request to /echo as it would answer a valid one, but without the
     * fixture's JSON, so how it read the bytes cannot be seen (a server without the /echo
     * fixture answers it 404, 405 or with some page).
     */
    static Expectation acceptedUnseen() {
        return Expect.that("accepted, but how it read the bytes cannot be seen without the /echo fixture", o -> {
            WireResponse r = o.first();
            if (r == null || EchoView.of(r) != null) {
                return false;
            }
            int s = r.status();
            return s / 100 == 2 || s / 100 == 3 || s == 404 || s == 405;
        });
    }

    /** The /echo fixture shows exactly one field named {@code name} whose value passes {@code value}. */
    static Expectation echoField(String name, String description, Predicate<String> value) {
        return Expect.echo(name + " " + description, view -> {
            List<String> values = values(view, name);
            return values.size() == 1 && value.test(values.getFirst());
        });
    }

    /** The values of every field the /echo fixture shows under {@code name}, whitespace around the name ignored. */
    static List<String> values(EchoView view, String name) {
        List<String> out = new ArrayList<>();
        for (String[] field : view.headers()) {
            if (field[0].strip().equalsIgnoreCase(name)) {
                out.add(field[1]);
            }
        }
        return out;
    }

    private static boolean in(int status, int... codes) {
        for (int c : codes) {
            if (c == status || c < 10 && status / 100 == c) {
                return true;
            }
        }
        return false;
    }

    private static String describe(int... codes) {
        StringBuilder sb = new StringBuilder();
        for (int c : codes) {
            sb.append(sb.isEmpty() ? "" : " or ").append(c < 10 ? c + "xx" : String.valueOf(c));
        }
        return sb.toString();
    }
}
