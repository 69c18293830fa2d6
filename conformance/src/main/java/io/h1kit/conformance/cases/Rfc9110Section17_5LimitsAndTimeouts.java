package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.ResponseTimeoutException;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.ProbeContext;
import io.h1kit.conformance.model.Read;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.h1kit.conformance.cases.Requests.CRLF;
import static io.h1kit.conformance.cases.Requests.G;
import static io.h1kit.conformance.cases.Requests.P;

/**
 * Limits and timeouts (RFC 9110 §17.5, RFC 9112 §8 and §9.5): the LIM rows, and one case that a
 * slow client does not hold up another. The cases that wait for one of the server's own timeouts
 * are slow and wait at most the server-timeout budget; a server still waiting then never gives
 * up. Stateless; LIM-06 holds its idle connections on the runner's thread.
 */
public final class Rfc9110Section17_5LimitsAndTimeouts implements CaseSource {
    /** The sentence behind every case that a slow or endless client must not defeat. */
    private static final String LENGTH_ATTACKS = "Because HTTP uses mostly textual, character-delimited fields, "
            + "parsers are often vulnerable to attacks based on sending very long (or very slow) streams of data, "
            + "particularly where an implementation is expecting a protocol element with no predefined length "
            + "(Section 2.3).";
    /** Slowloris pace: one byte a second, fast enough to reset a per-read timeout, too slow for any request. */
    private static final Duration TRICKLE = Duration.ofSeconds(1);
    /** LIM-05: exactly 20 bytes that form a request of their own. */
    private static final String LATE_REQUEST = "GET /xy HTTP/1.1\r\n\r\n";
    /** LIM-06: idle connections held open. */
    private static final int IDLE_CONNECTIONS = 500;
    /** LIM-07: a line with no end. */
    private static final int LONG_LINE_BYTES = 64 * 1024;

    @Override
    public List<Case> cases() {
        return List.of(
                Case.of("9110-17.5/01", "LIM-01", Level.HARDENING, "connect and send nothing")
                        .rfc("RFC 9112 §9.5", "A client or server that wishes to time out SHOULD issue a graceful "
                                + "close on the connection.")
                        .slow()
                        .probe(ctx -> timed(ctx, ctx.connect(), Read.responses(1)))
                        .pass(Expect.closeWithoutResponse())
                        .nonStrict(Expect.statusThenClose(408))
                        .hint("Close connections on which no request starts within an idle timeout.")
                        .build(),

                // Slowloris: one header byte a second resets any per-read timeout; only a deadline for the
                // whole header section stops it.
                Case.of("9110-17.5/02", "LIM-02", Level.HARDENING, "the request-line, then one header byte a second")
                        .rfc("RFC 9110 §17.5", LENGTH_ATTACKS)
                        .slow()
                        .probe(ctx -> trickle(ctx, "GET / HTTP/1.1\r\n", "Host: {host}\r\nX-Slow: "))
                        .pass(Expect.closeWithoutResponse())
                        .pass(Expect.statusThenClose(4))
                        .hint("Bound the time to receive a whole header section, not only each read.")
                        .build(),

                // RFC 9112 §8: "A server that receives an incomplete request message ... MAY send an error
                // response prior to closing the connection."
                Case.of("9110-17.5/03", "LIM-03", Level.MAY, "GET / and Host, then silence")
                        .rfc("RFC 9112 §8", "A server that receives an incomplete request message, usually due to a "
                                + "canceled request or a triggered timeout exception, MAY send an error response "
                                + "prior to closing the connection.")
                        .slow()
                        .probe(ctx -> {
                            Connection c = ctx.connect();
                            c.write(ctx.expand(G));
                            return timed(ctx, c, Read.responses(1));
                        })
                        .pass(Expect.statusThenClose(408))
                        .nonStrict(Expect.closeWithoutResponse())
                        .build(),

                Case.of("9110-17.5/04", "LIM-04", Level.HARDENING, "POST with Content-Length: 1000, then one body byte a second")
                        .rfc("RFC 9110 §17.5", LENGTH_ATTACKS)
                        .slow()
                        .probe(ctx -> trickle(ctx, P + "Content-Length: 1000\r\n\r\n", ""))
                        .pass(Expect.closeWithoutResponse())
                        .pass(Expect.statusThenClose(4))
                        .hint("Bound the time to receive a whole body, not only each read.")
                        .build(),

                // RFC 9112 §6.3: on a timeout before the content is complete "the recipient MUST consider the
                // message to be incomplete and close the connection"; bytes that come later are no request.
                Case.of("9110-17.5/05", "LIM-05", Level.MUST, "POST with Content-Length: 20, a pause past the body timeout, then 20 bytes of a GET")
                        .rfc("RFC 9112 §6.3", "If the sender closes the connection or the recipient times out before "
                                + "the indicated number of octets are received, the recipient MUST consider the "
                                + "message to be incomplete and close the connection.")
                        .slow()
                        .probe(Rfc9110Section17_5LimitsAndTimeouts::pauseDesync)
                        .pass(Expect.thatWithClose("the server gave up (any response), closed, and never answered the late bytes",
                                o -> Boolean.TRUE.equals(o.fact("server_gave_up_first")) && o.count() <= 1 && o.close().closed()
                                        && !Boolean.TRUE.equals(o.fact("answered_early"))))
                        // A server may answer before it reads the body (a 404 to POST /echo) and then read the
                        // body to discard it: the late bytes complete that body, so they are no request either.
                        .pass(Expect.that("answered before the body, and the late bytes read as that body, never answered",
                                o -> Boolean.TRUE.equals(o.fact("answered_early")) && o.count() == 1))
                        .info(Expect.that("no body timeout within the budget: the late bytes completed the body",
                                o -> Boolean.FALSE.equals(o.fact("server_gave_up_first"))))
                        .hint("After a body timeout, close the connection: what arrives later is not a request.")
                        .build(),

                // RFC 9112 §9.4 says a server "might reject traffic that it deems abusive"; a concurrent server
                // should still serve a new client while others idle. Sequential servers pay an idle timeout
                // per connection, so the case needs the concurrent capability.
                Case.of("9110-17.5/06", "LIM-06", Level.HARDENING, IDLE_CONNECTIONS + " idle connections, then a GET on a new one")
                        .alone()
                        .rfc("RFC 9112 §9.4", "Note that a server might reject traffic that it deems abusive or "
                                + "characteristic of a denial-of-service attack, such as an excessive number of open "
                                + "connections from a single client.")
                        .requires(Capability.CONCURRENT)
                        .probe(Rfc9110Section17_5LimitsAndTimeouts::manyIdle)
                        .pass(Expect.success())
                        .hint("Do not spend a thread (or a slot) per idle connection without a bound on the wait.")
                        .build(),

                Case.of("9110-17.5/07", "LIM-07", Level.HARDENING, "a 64 KB request line with no CRLF")
                        .rfc("RFC 9110 §17.5", LENGTH_ATTACKS)
                        .sends("GET /" + "a".repeat(LONG_LINE_BYTES - 5))
                        .pass(Expect.statusThenClose(400, 414, 431))
                        .nonStrict(Expect.closeWithoutResponse())
                        .hint("Limit the request-line length (RFC 9112 §3 recommends at least 8000 octets) and "
                                + "answer 414 past it.")
                        .build(),

                // RFC 9110 §15.5.14: 413 "indicates that the server is refusing to process a request because
                // the request content is larger than the server is willing or able to process."
                Case.of("9110-17.5/08", "LIM-08", Level.MAY, "POST with Content-Length: 10000000000 and no body yet")
                        .rfc("RFC 9110 §15.5.14", "The 413 (Content Too Large) status code indicates that the server is "
                                + "refusing to process a request because the request content is larger than the "
                                + "server is willing or able to process.")
                        .sends(P + "Content-Length: 10000000000\r\n\r\n")
                        .pass(Expect.status(413))
                        .nonStrict(Expect.status(400))
                        .build(),

                // RFC 9110 §5.4: a field "larger than it wishes to process MUST respond with an appropriate
                // 4xx"; processing it is fine too. A crash or a hang is not.
                Case.of("9110-17.5/09a", "LIM-09", Level.HARDENING, "GET with a 64 KB Cookie")
                        .rfc("RFC 9110 §5.4", "A server that receives a request header field line, field value, or set "
                                + "of fields larger than it wishes to process MUST respond with an appropriate 4xx "
                                + "(Client Error) status code.")
                        .sends(G + "Cookie: a=" + "b".repeat(64 * 1024) + "\r\n\r\n")
                        .pass(Expect.success())
                        .pass(Expect.status(431, 400))
                        .build(),
                Case.of("9110-17.5/09b", "LIM-09", Level.HARDENING, "GET with 1,000 cookie pairs")
                        .rfc("RFC 9110 §5.4", "A server that receives a request header field line, field value, or set "
                                + "of fields larger than it wishes to process MUST respond with an appropriate 4xx "
                                + "(Client Error) status code.")
                        .sends(G + "Cookie: " + IntStream.range(0, 1_000).mapToObj(i -> "c" + i + "=v" + i)
                                .collect(Collectors.joining("; ")) + "\r\n\r\n")
                        .pass(Expect.success())
                        .pass(Expect.status(431, 400))
                        .build(),

                // Not a catalogue row of its own: a server that has (or claims) the concurrent capability must
                // not let a slow client hold up another (RFC 9110 §17.5 on "very slow" streams).
                Case.of("9110-17.5/10", "LIM-10", Level.MUST,
                                "a slow client does not block another: half a header section, then a GET on a second connection")
                        .rfc("RFC 9110 §17.5", LENGTH_ATTACKS)
                        .requires(Capability.CONCURRENT)
                        .probe(Rfc9110Section17_5LimitsAndTimeouts::slowBesideFast)
                        .pass(Expect.that("the second client answered while the first was still open",
                                o -> o.count() == 1 && Boolean.TRUE.equals(o.fact("slow_client_still_open"))))
                        .hint("Serve each connection independently (threads or an event loop) with per-connection "
                                + "deadlines.")
                        .build());
    }

    // --- probes ---

    /** Reads on {@code c} for up to the server-timeout budget, recording when the server ended it. */
    private static Observation timed(ProbeContext ctx, Connection c, Read read) {
        long start = System.nanoTime();
        Observation o = ctx.read(c, read.timeout(ctx.budgets().serverTimeout()).closeWithin(ctx.budgets().serverTimeout()));
        return o.close().closed() ? o.with("closed_after_ms", (System.nanoTime() - start) / 1_000_000) : o;
    }

    /**
     * Sends {@code start}, then {@code trickle} and endless "a"s one byte a second, never completing
     * the message, until the server answers or closes or the server-timeout budget runs out.
     */
    private static Observation trickle(ProbeContext ctx, String start, String trickle) throws IOException {
        Connection c = ctx.connect();
        c.write(ctx.expand(start));
        byte[] drip = ctx.expand(trickle).getBytes(StandardCharsets.ISO_8859_1);
        long begin = System.nanoTime();
        long deadline = begin + ctx.budgets().serverTimeout().toNanos();
        List<WireResponse> responses = new ArrayList<>();
        CloseState state = CloseState.OPEN;
        int sent = 0;
        while (System.nanoTime() < deadline) {
            Duration wait = Duration.ofNanos(Math.min(TRICKLE.toNanos(), deadline - System.nanoTime()));
            state = c.awaitClose(wait);
            if (state != CloseState.OPEN) {
                break;
            }
            if (c.hasUnread()) {
                readOne(ctx, c, responses);
                state = c.awaitClose(ctx.budgets().closeWindow());
                break;
            }
            c.write(new byte[] {sent < drip.length ? drip[sent] : (byte) 'a'});
            sent++;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("bytes_trickled", sent);
        if (state.closed()) {
            facts.put("closed_after_ms", (System.nanoTime() - begin) / 1_000_000);
        }
        return ctx.observe(responses, state, facts);
    }

    /**
     * LIM-05: waits (up to the budget) for the server to give up on the body; if it answered and
     * kept the connection, sends the 20 late bytes and watches whether they are answered.
     */
    private static Observation pauseDesync(ProbeContext ctx) throws IOException {
        Connection c = ctx.connect();
        c.write(ctx.expand(P + "Content-Length: 20\r\n\r\n"));
        long start = System.nanoTime();
        Observation first = ctx.read(c, Read.responses(1).timeout(ctx.budgets().serverTimeout()).closeCheck(false));
        boolean answeredEarly = first.count() > 0 && System.nanoTime() - start < ctx.budgets().response().toNanos();
        boolean gaveUp = first.count() > 0 || first.close().closed();
        List<WireResponse> responses = new ArrayList<>(first.responses());
        CloseState state = first.close();
        if (first.count() > 0) {
            state = c.awaitClose(ctx.budgets().closeWindow());
        }
        boolean lateSent = false;
        if (!state.closed()) {
            c.write(LATE_REQUEST);
            lateSent = true;
            Observation after = ctx.read(c, Read.responses(1).closeCheck(true));
            responses.addAll(after.responses());
            state = after.close();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("server_gave_up_first", gaveUp);
        facts.put("answered_early", answeredEarly);
        facts.put("late_bytes_sent", lateSent);
        return ctx.observe(responses, state, facts);
    }

    /** LIM-06: holds plain sockets open (not kept as evidence: 500 empty transcripts say nothing). */
    private static Observation manyIdle(ProbeContext ctx) throws IOException {
        List<Socket> idle = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                Socket s = new Socket();
                try {
                    s.connect(ctx.target().resolved(), (int) ctx.budgets().connect().toMillis());
                    idle.add(s);
                } catch (IOException e) {
                    s.close();
                    refused++;
                }
            }
            long start = System.nanoTime();
            Connection c = ctx.connect();
            c.write(ctx.expand(G + CRLF));
            Observation o = ctx.read(c, Read.responses(1).closeCheck(false));
            return o.with("idle_connections", idle.size()).with("idle_refused", refused)
                    .with("response_ms", (System.nanoTime() - start) / 1_000_000);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    /** LIM-10: one client stops halfway through its header section; another sends a whole request. */
    private static Observation slowBesideFast(ProbeContext ctx) throws IOException {
        Connection slow = ctx.connect();
        slow.write(ctx.expand(G));
        Connection fast = ctx.connect();
        long start = System.nanoTime();
        fast.write(ctx.expand(G + CRLF));
        Observation o = ctx.read(fast, Read.responses(1).closeCheck(false));
        boolean stillOpen = slow.awaitClose(Duration.ofMillis(1)) == CloseState.OPEN && !slow.hasUnread();
        return o.with("slow_client_still_open", stillOpen).with("response_ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static void readOne(ProbeContext ctx, Connection c, List<WireResponse> into) {
        try {
            WireResponse r = c.readResponse(false, ctx.budgets().response());
            if (r != null) {
                into.add(r);
            }
        } catch (ResponseTimeoutException e) {
            // Bytes that never became a response: the close state says the rest.
        }
    }
}
