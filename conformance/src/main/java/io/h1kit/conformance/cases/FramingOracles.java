package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.ResponseTimeoutException;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.EchoView;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Probe;
import io.h1kit.conformance.model.ProbeContext;
import io.h1kit.conformance.model.Read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The framing oracles the CL, TE, CHK and SMUG sections share (catalogue §2.7, §2.8, §2.17).
 *
 * <p><b>The sentinel's identity.</b> Counting responses is not enough: a server that ignores a
 * body of {@code hello} answers {@code helloGET /__s…} instead of the sentinel, and that is still
 * two responses. So a sentinel probe first sends the sentinel alone, on a connection of its own
 * that it closes at once (a sequential target serves the next connection only then), and records
 * the status it got; a response "is the sentinel's" when it has that status. A mangled or smuggled
 * request (an unknown method such as {@code helloGET}, a smuggled {@code GET /}) gets another
 * status on any server that tells paths and methods apart.
 *
 * <p><b>Reading.</b> {@link #TWO} reads the two responses without the close window: a close after
 * the first response is seen as the end of stream, so a passing keep-alive target costs no wait.
 * Cases whose payload holds a complete smuggled request read with the close window instead, so
 * that a third, stray response is counted.
 *
 * <p><b>The /echo fixture.</b> Rows that need it require it. Elsewhere {@link #echoBodyIfAny}
 * checks the body only when the response is the fixture's reflection, and {@link #answered()}
 * accepts 404 and 405 for a POST to /echo, so a target without the fixture is judged on framing.
 */
final class FramingOracles {
    /** The fact holding the status the sentinel gets when sent alone (-1: no answer). */
    static final String SENTINEL_ALONE = "sentinel alone";

    /** Two responses, no close window: a close after the first shows as the end of stream. */
    static final Read TWO = Read.responses(2).closeCheck(false);

    private FramingOracles() {
    }

    /** Sends {@code text} (holding {@code {S}}) in one write, after learning the sentinel's status alone. */
    static Probe withSentinel(String text) {
        return withSentinel(ctx -> text, TWO);
    }

    static Probe withSentinel(String text, Read read) {
        return withSentinel(ctx -> text, read);
    }

    /** As above, for a text that depends on the context (a length computed after {@code {host}}). */
    static Probe withSentinel(Function<ProbeContext, String> text, Read read) {
        return ctx -> {
            int alone = sentinelAlone(ctx);
            return ctx.exchange(text.apply(ctx), read).with(SENTINEL_ALONE, alone);
        };
    }

    /**
     * Like {@link #withSentinel(Function, Read)} for payloads that hold a whole smuggled request,
     * whose answer would be a stray response after the {@code n} expected. The sentinel's identity
     * shows it already, so the close window (which also counts strays) is spent only where that
     * identity is blind: when the sentinel alone gets a 2xx, as the smuggled {@code GET /} would.
     */
    static Probe withSentinelCountingStrays(Function<ProbeContext, String> text, int n) {
        return ctx -> {
            int alone = sentinelAlone(ctx);
            Read read = Read.responses(n).closeCheck(alone / 100 == 2 || alone < 0);
            return ctx.exchange(text.apply(ctx), read).with(SENTINEL_ALONE, alone);
        };
    }

    /** The status the target gives the sentinel sent alone, on a connection closed right after. */
    static int sentinelAlone(ProbeContext ctx) throws IOException {
        Connection c = ctx.connect();
        try {
            c.write(ctx.sentinel());
            WireResponse r = c.readResponse(false, ctx.budgets().response());
            return r == null ? -1 : r.status();
        } catch (ResponseTimeoutException e) {
            return -1;
        } finally {
            c.close();
        }
    }

    /** Whether response {@code index} has the status the sentinel gets alone. */
    static boolean isSentinel(Observation o, int index) {
        WireResponse r = o.response(index);
        return r != null && o.fact(SENTINEL_ALONE) instanceof Integer alone && alone > 0 && r.status() == alone;
    }

    /** Whether the sentinel alone gets a 2xx, so that it cannot be told from a smuggled {@code GET /}. */
    static boolean sentinelLooksLikeGetRoot(Observation o) {
        return o.fact(SENTINEL_ALONE) instanceof Integer alone && alone / 100 == 2;
    }

    /** Exactly {@code n} responses, the last the sentinel's. */
    static Expectation sentinelAnswered(int n) {
        return Expect.that(n + " responses, the last with the status the sentinel gets alone",
                o -> o.count() == n && !o.timedOut() && isSentinel(o, n - 1));
    }

    /** The first response answers the request: 2xx, or 404/405 from a target without /echo. */
    static Expectation answered() {
        return Expect.that("answered (2xx; 404 or 405 from a target without /echo)", o -> isAnswer(o.first()));
    }

    static boolean isAnswer(WireResponse r) {
        return r != null && (r.status() / 100 == 2 || r.status() == 404 || r.status() == 405);
    }

    /** Where response {@code index} is the /echo reflection, the body it shows is {@code body}. */
    static Expectation echoBodyIfAny(int index, String body) {
        return Expect.that("where /echo reflects it, body " + quoted(body), o -> echoBodyIs(o, index, body));
    }

    static boolean echoBodyIs(Observation o, int index, String body) {
        EchoView view = EchoView.of(o.response(index));
        return view == null || body.equals(view.body());
    }

    /** Answered, and read with this body where /echo shows it. */
    static Expectation answeredWithBody(String body) {
        return answered().and(echoBodyIfAny(0, body));
    }

    /** "400✕ / 501✕": refused as a framing error, then closed. */
    static Expectation refused() {
        return Expect.statusThenClose(400, 501);
    }

    /**
     * A target without /echo refuses the POST (404 or 405) before it reads the body, then closes
     * when it meets the malformed framing while discarding the body (nginx does). The body is
     * never misread and nothing desynchronises, but the refusal is not the 400 the row asks for,
     * so NON-STRICT.
     */
    static Expectation answeredBeforeTheBody() {
        return Expect.statusThenClose(404, 405);
    }

    /** An error response (4xx or 5xx) then a close, or a close alone: what RFC 9112 §8 allows on a timeout. */
    static Expectation gaveUp() {
        return Expect.closeWithoutResponse().or(Expect.statusThenClose(4, 5));
    }

    /** The catalogue's variant letters: a … z, then aa, ab, … */
    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : letter(i / 26 - 1) + (char) ('a' + i % 26);
    }

    /** Text with CR, LF and other control or non-ASCII bytes escaped, for titles and descriptions. */
    static String escaped(String bytes) {
        StringBuilder sb = new StringBuilder();
        for (char c : bytes.toCharArray()) {
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String quoted(String body) {
        return body.length() > 40 ? "\"" + escaped(body.substring(0, 40)) + "…\"" : "\"" + escaped(body) + "\"";
    }
}
