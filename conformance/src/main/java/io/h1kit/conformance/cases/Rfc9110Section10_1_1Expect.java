package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.ResponseTimeoutException;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.ProbeContext;
import io.h1kit.conformance.model.Read;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.h1kit.conformance.cases.Requests.G;
import static io.h1kit.conformance.cases.Requests.P;
import static io.h1kit.conformance.cases.Requests.S;
import static io.h1kit.conformance.cases.ConnectionProbes.CLOSING;
import static io.h1kit.conformance.cases.ConnectionProbes.answeredThenClosed;

/**
 * Expect and 100-continue (RFC 9110 §10.1.1): the EXP rows. The client sends the head, pauses as a
 * real client does while it waits for the 100, then sends the content. Stateless; probes run on
 * the runner's thread.
 */
public final class Rfc9110Section10_1_1Expect implements CaseSource {
    /** EXP-01: the row's pause; a server that waits for the content is silent through it. */
    private static final Duration PAUSE = Duration.ofSeconds(2);
    /** EXP-03: long enough for a 100 that a server sends at once to arrive, short enough to keep the run fast. */
    private static final Duration SHORT_PAUSE = Duration.ofSeconds(1);
    /** EXP-06: the content is itself a request; answered on its own, it adds a response. */
    private static final String SMUGGLED = "GET /x HTTP/1.1\r\nHost: {host}\r\n\r\n";

    @Override
    public List<Case> cases() {
        return List.of(
                // RFC 9110 §10.1.1: "The origin server MUST NOT wait for the content before sending the 100".
                Case.of("9110-10.1.1/01", "EXP-01", Level.MUST, "POST with Expect: 100-continue, the body 2 s later")
                        .rfc("RFC 9110 §10.1.1", "The origin server MUST NOT wait for the content before sending the "
                                + "100 (Continue) response.")
                        .probe(ctx -> headPauseBody(ctx, P + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n",
                                "hello", PAUSE))
                        .pass(continueThenFinal())
                        .pass(finalBeforeBody())
                        .hint("On a complete head with Expect: 100-continue, send HTTP/1.1 100 Continue (or the "
                                + "final status) at once; do not wait for the content.")
                        .build(),

                // RFC 9110 §10.1.1: "The Expect field value is case-insensitive."
                Case.of("9110-10.1.1/02", "EXP-02", Level.MUST, "POST with Expect: 100-Continue, the body 2 s later")
                        .rfc("RFC 9110 §10.1.1", "The Expect field value is case-insensitive.")
                        .probe(ctx -> headPauseBody(ctx, P + "Content-Length: 5\r\nExpect: 100-Continue\r\n\r\n",
                                "hello", PAUSE))
                        .pass(continueThenFinal())
                        .pass(finalBeforeBody())
                        .hint("Compare the Expect value without regard to case.")
                        .build(),

                // RFC 9110 §10.1.1: an HTTP/1.0 100-continue "MUST ignore that expectation"; §15.2: "a server
                // MUST NOT send a 1xx response to an HTTP/1.0 client."
                Case.of("9110-10.1.1/03", "EXP-03", Level.MUST, "HTTP/1.0 POST with Expect: 100-continue, the body 1 s later")
                        .rfc("RFC 9110 §10.1.1", "A server that receives a 100-continue expectation in an HTTP/1.0 "
                                + "request MUST ignore that expectation.")
                        .probe(ctx -> headPauseBody(ctx, "POST /echo HTTP/1.0\r\nHost: {host}\r\nContent-Length: 5\r\n"
                                + "Expect: 100-continue\r\n\r\n", "hello", SHORT_PAUSE))
                        .fail(Expect.that("417: the expectation was not ignored", o -> o.status() == 417))
                        .pass(Expect.that("no 1xx, one final response", o -> o.interim().isEmpty() && o.count() == 1))
                        .hint("Ignore Expect in HTTP/1.0 requests and never send a 1xx to an HTTP/1.0 client.")
                        .build(),

                // RFC 9110 §10.1.1: "A server MAY omit sending a 100 (Continue) response if it has already
                // received some or all of the content".
                Case.of("9110-10.1.1/04", "EXP-04", Level.MAY, "POST with Expect: 100-continue and its body at once, then the sentinel and a closing GET")
                        .rfc("RFC 9110 §10.1.1", "A server MAY omit sending a 100 (Continue) response if it has "
                                + "already received some or all of the content for the corresponding request, or if "
                                + "the framing indicates that there is no content.")
                        .requires(Capability.PIPELINING)
                        .sends(P + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\nhello" + S + CLOSING, Read.responses(3))
                        .pass(answeredThenClosed(3).and(Expect.noInterim()))
                        .nonStrict(answeredThenClosed(3).and(Expect.interim(100)))
                        .build(),

                // RFC 9110 §10.1.1: "MAY respond with a 417 (Expectation Failed)".
                Case.of("9110-10.1.1/05", "EXP-05", Level.MAY, "GET with Expect: foo")
                        .rfc("RFC 9110 §10.1.1", "A server that receives an Expect field value containing a member "
                                + "other than 100-continue MAY respond with a 417 (Expectation Failed) status code to "
                                + "indicate that the unexpected expectation cannot be met.")
                        .sends(G + "Expect: foo\r\n\r\n")
                        .pass(Expect.status(417))
                        .nonStrict(Expect.success())
                        .build(),

                // RFC 9110 §10.1.1: a server answering before the content "SHOULD indicate whether it intends
                // to close the connection ... or continue reading the request content". The content is a
                // request of its own: a server that neither reads nor closes answers it.
                Case.of("9110-10.1.1/06", "EXP-06", Level.SHOULD, "POST /nonexistent with Expect: 100-continue, its body a GET, then the sentinel and a closing GET")
                        .rfc("RFC 9110 §10.1.1", "A server that responds with a final status code before reading the "
                                + "entire request content SHOULD indicate whether it intends to close the connection "
                                + "(e.g., see Section 9.6 of [HTTP/1.1]) or continue reading the request content.")
                        .probe(Rfc9110Section10_1_1Expect::rejectedThenBody)
                        .pass(Expect.thatWithClose("an early final response with Connection: close, then close",
                                o -> Boolean.TRUE.equals(o.fact("final_before_body")) && o.count() == 1
                                        && o.first().hasToken("Connection", "close") && o.close().closed()))
                        .pass(answeredThenClosed(3))
                        .hint("After an early final response either send Connection: close and close, or read and "
                                + "discard the content before the next request.")
                        .build(),

                // An unnumbered row; MUST because a request without CL or TE has no content (RFC 9112 §6.3):
                // waiting for one is a framing error, and the 100 may be omitted.
                Case.of("9110-10.1.1/07", "EXP-07", Level.MUST, "GET with Expect: 100-continue and no body")
                        .rfc("RFC 9112 §6.3", "If this is a request message and none of the above are true, then the "
                                + "message body length is zero (no message body is present).")
                        .sends(G + "Expect: 100-continue\r\n\r\n")
                        .pass(Expect.that("a final response, no 100", o -> o.count() == 1 && o.interim().isEmpty()))
                        .nonStrict(Expect.interim(100).and(Expect.that("then a final response", o -> o.count() == 1)))
                        .hint("A request without Content-Length or Transfer-Encoding has no content: answer it at once.")
                        .build(),

                // RFC 9110 §7.8: with both Upgrade and 100-continue, "the server MUST send a 100 (Continue)
                // response before sending a 101 (Switching Protocols) response."
                Case.of("9110-10.1.1/08", "EXP-08", Level.MUST, "POST with Upgrade, Expect: 100-continue and a body")
                        .rfc("RFC 9110 §7.8", "If a server receives both an Upgrade and an Expect header field with the "
                                + "\"100-continue\" expectation (Section 10.1.1), the server MUST send a 100 (Continue) "
                                + "response before sending a 101 (Switching Protocols) response.")
                        .probe(Rfc9110Section10_1_1Expect::upgradeWithContinue)
                        .pass(Expect.that("no upgrade: one final response", o -> o.count() == 1 && index(o, 101) < 0))
                        .pass(Expect.that("100, then 101", o -> index(o, 101) >= 0 && index(o, 100) >= 0
                                && index(o, 100) < index(o, 101)))
                        .hint("Send the 100 Continue before switching protocols.")
                        .build());
    }

    // --- probes ---

    /**
     * Sends a head that announces content, waits up to {@code pause} for the server's first answer,
     * then sends {@code body} unless a final response came first, and reads the final response.
     */
    private static Observation headPauseBody(ProbeContext ctx, String head, String body, Duration pause) throws IOException {
        Connection c = ctx.connect();
        c.write(ctx.expand(head));
        Map<String, Object> facts = new LinkedHashMap<>();
        List<WireResponse> seen = new ArrayList<>();
        WireResponse first = firstAnswer(ctx, c, pause, facts);
        if (first == null && c.awaitClose(Duration.ofMillis(1)).closed()) {
            return ctx.observe(seen, c.awaitClose(Duration.ofMillis(1)), facts);
        }
        if (first != null) {
            seen.add(first);
            if (!first.interim()) {
                return ctx.observe(seen, CloseState.NOT_CHECKED, facts);
            }
        }
        c.write(body);
        Observation rest = ctx.read(c, Read.responses(1).closeCheck(false));
        seen.addAll(rest.interim());
        seen.addAll(rest.responses());
        return ctx.observe(seen, rest.close(), facts);
    }

    /** EXP-06: a request the server rejects; whatever it answers first, the content and the sentinel follow. */
    private static Observation rejectedThenBody(ProbeContext ctx) throws IOException {
        String smuggled = ctx.expand(SMUGGLED);
        Connection c = ctx.connect();
        c.write(ctx.expand("POST /nonexistent HTTP/1.1\r\nHost: {host}\r\nContent-Length: " + smuggled.length()
                + "\r\nExpect: 100-continue\r\n\r\n"));
        Map<String, Object> facts = new LinkedHashMap<>();
        List<WireResponse> seen = new ArrayList<>();
        WireResponse first = firstAnswer(ctx, c, PAUSE, facts);
        if (first != null) {
            seen.add(first);
        }
        boolean finalFirst = first != null && !first.interim();
        // A client "MAY proceed to send the content even if it has not yet received a response".
        c.write(smuggled + ctx.sentinel() + ctx.expand(CLOSING));
        Observation rest = ctx.read(c, Read.responses(finalFirst ? 2 : 3).closeCheck(true));
        seen.addAll(rest.interim());
        seen.addAll(rest.responses());
        Observation o = ctx.observe(seen, rest.close(), facts);
        return rest.timedOut() ? new Observation(o.responses(), o.interim(), o.close(), true, o.facts(), o.transcripts()) : o;
    }

    /** EXP-08: reads until a final response or a 101; after a 101 the server speaks another protocol. */
    private static Observation upgradeWithContinue(ProbeContext ctx) throws IOException {
        Connection c = ctx.connect();
        c.write(ctx.expand("POST /echo HTTP/1.1\r\nHost: {host}\r\nUpgrade: foo/1\r\nConnection: Upgrade\r\n"
                + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
        Map<String, Object> facts = new LinkedHashMap<>();
        List<WireResponse> seen = new ArrayList<>();
        WireResponse first = firstAnswer(ctx, c, PAUSE, facts);
        if (first != null) {
            seen.add(first);
            if (!first.interim() || first.status() == 101) {
                return ctx.observe(seen, CloseState.NOT_CHECKED, facts);
            }
        }
        c.write("hello");
        for (int i = 0; i < 4; i++) {
            WireResponse r;
            try {
                r = c.readResponse(false, ctx.budgets().response());
            } catch (ResponseTimeoutException e) {
                break;
            }
            if (r == null) {
                break;
            }
            seen.add(r);
            if (!r.interim() || r.status() == 101) {
                break;
            }
        }
        return ctx.observe(seen, CloseState.NOT_CHECKED, facts);
    }

    /**
     * The server's first answer to a head with a 100-continue expectation, within {@code pause}; null
     * when it stayed silent or closed. Records when it came and whether it was interim or final.
     */
    private static WireResponse firstAnswer(ProbeContext ctx, Connection c, Duration pause, Map<String, Object> facts) {
        long start = System.nanoTime();
        WireResponse first = null;
        try {
            first = c.readResponse(false, pause);
        } catch (ResponseTimeoutException e) {
            // Silent through the pause: the client sends the content anyway.
        }
        if (first != null) {
            facts.put("first_response_ms", (System.nanoTime() - start) / 1_000_000);
        }
        facts.put("interim_before_body", first != null && first.interim());
        facts.put("final_before_body", first != null && !first.interim());
        return first;
    }

    // --- outcomes ---

    private static Expectation continueThenFinal() {
        return Expect.that("100 Continue before the body, then a final response",
                o -> Boolean.TRUE.equals(o.fact("interim_before_body")) && !o.interim().isEmpty()
                        && o.interim().getFirst().status() == 100 && o.count() == 1);
    }

    /**
     * A final status before the content, other than 408: a 408 says the server waited for the
     * content until its own timeout, which is what the MUST forbids (a server whose body timeout is
     * shorter than the pause would otherwise pass by timing out).
     */
    private static Expectation finalBeforeBody() {
        return Expect.that("an immediate final response (for example 417, 413 or 401), not a 408 timeout",
                o -> Boolean.TRUE.equals(o.fact("final_before_body")) && o.status() != 408);
    }

    /** The position of the first interim response with this status, or -1. */
    private static int index(Observation o, int status) {
        for (int i = 0; i < o.interim().size(); i++) {
            if (o.interim().get(i).status() == status) {
                return i;
            }
        }
        return -1;
    }
}
