package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.ResponseTimeoutException;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.ProbeContext;
import io.h1kit.conformance.model.Read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.h1kit.conformance.cases.Requests.CRLF;
import static io.h1kit.conformance.cases.Requests.G;

/**
 * The probes of the persistence cases that take more than one write (CONN-01, 05, 12, 13, 18), and
 * the closing GET that bounds a sentinel exchange (CONN-16, EXP-04, EXP-06, METH-06). Stateless;
 * CONN-13 writes from a second thread.
 */
final class ConnectionProbes {
    /**
     * Sent after the sentinel where a desync would show as one response too many: the server answers
     * it and closes, so the suite learns that nothing more is coming at once instead of waiting out
     * the close window on a kept-alive connection.
     */
    static final String CLOSING = "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n";
    /** CONN-18: the row's number of requests on one connection. */
    static final int MANY_REQUESTS = 1_000;
    /** CONN-13: what a client keeps sending after its "close"; enough to fill the server's receive buffer. */
    private static final int JUNK_BYTES = 1024 * 1024;

    private ConnectionProbes() {
    }

    /**
     * Exactly {@code n} responses, the last the answer to {@link #CLOSING}: each request answered
     * once and the body of none of them answered as a request of its own.
     */
    static Expectation answeredThenClosed(int n) {
        return Expect.thatWithClose(n + " responses (the sentinel and a closing GET answered), nothing more",
                o -> o.count() == n && !o.timedOut());
    }

    /**
     * Sends {@code request}, reads the answer and, unless the server announced that it closes (a
     * response with "close"; for HTTP/1.0 one without "keep-alive"), sends it again on the same
     * connection.
     */
    static Observation twoInTurn(ProbeContext ctx, String request, boolean http10) throws IOException {
        Connection c = ctx.connect();
        c.write(ctx.expand(request));
        Observation first = ctx.read(c, Read.responses(1).closeCheck(false));
        if (first.count() == 0) {
            return first;
        }
        WireResponse r = first.first();
        boolean closing = http10 ? !r.hasToken("Connection", "keep-alive") : r.hasToken("Connection", "close");
        if (closing) {
            return ctx.observe(first.responses(), c.awaitClose(ctx.budgets().closeWindow()), Map.of());
        }
        c.write(ctx.expand(request));
        return join(first, ctx.read(c, Read.responses(1).closeCheck(false)));
    }

    /** CONN-12: after one response, waits up to the server-timeout budget for the server to close. */
    static Observation idleAfterResponse(ProbeContext ctx) throws IOException {
        Connection c = ctx.connect();
        c.write(ctx.expand(G + CRLF));
        Observation first = ctx.read(c, Read.responses(1).closeCheck(false));
        if (first.count() == 0) {
            return first;
        }
        List<WireResponse> responses = new ArrayList<>(first.responses());
        long start = System.nanoTime();
        long deadline = start + ctx.budgets().serverTimeout().toNanos();
        CloseState state = CloseState.OPEN;
        while (System.nanoTime() < deadline) {
            state = c.awaitClose(Duration.ofNanos(deadline - System.nanoTime()));
            if (state != CloseState.OPEN || !c.hasUnread()) {
                break;
            }
            // Bytes on an idle connection: some servers send a 408 before they close. Keep it as evidence.
            try {
                WireResponse r = c.readResponse(false, ctx.budgets().response());
                if (r == null) {
                    state = c.awaitClose(Duration.ofMillis(1));
                    break;
                }
                responses.add(r);
            } catch (ResponseTimeoutException e) {
                break;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        if (state.closed()) {
            facts.put("idle_close_ms", (System.nanoTime() - start) / 1_000_000);
        }
        facts.put("budget_ms", ctx.budgets().serverTimeout().toMillis());
        return ctx.observe(responses, state, facts);
    }

    /**
     * CONN-13: the request and the junk leave in one write from a second thread (the server may stop
     * reading, and the write must not block the probe); once the junk is sent the client half-closes,
     * as a client that has said all it will, so that a server draining its side can finish.
     */
    static Observation closeWithJunkFollowing(ProbeContext ctx) throws IOException, InterruptedException {
        Connection c = ctx.connect();
        byte[] head = ctx.expand(G + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[head.length + JUNK_BYTES];
        System.arraycopy(head, 0, bytes, 0, head.length);
        Arrays.fill(bytes, head.length, bytes.length, (byte) 'x');
        Thread writer = Thread.ofVirtual().name("conn-13-writer").start(() -> c.write(bytes));
        Observation first = ctx.read(c, Read.responses(1).closeCheck(false));
        if (writer.join(ctx.budgets().response())) {
            c.shutdownOutput();
        }
        return join(first, ctx.read(c, Read.responses(0).closeCheck(true)));
    }

    /** CONN-18: request, response, request... on one connection, until the row's count or a close. */
    static Observation manyInTurn(ProbeContext ctx) throws IOException {
        Connection c = ctx.connect();
        byte[] request = ctx.expand(G + CRLF).getBytes(StandardCharsets.ISO_8859_1);
        int answered = 0;
        WireResponse last = null;
        while (answered < MANY_REQUESTS) {
            c.write(request);
            WireResponse r;
            try {
                r = c.readResponse(false, ctx.budgets().response());
            } catch (ResponseTimeoutException e) {
                break;
            }
            if (r == null) {
                break;
            }
            answered++;
            last = r;
            if (r.hasToken("Connection", "close")) {
                break;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("answered", answered);
        facts.put("last_said_close", last != null && last.hasToken("Connection", "close"));
        // Only the last response is kept: a thousand identical ones would drown the report.
        return ctx.observe(last == null ? List.of() : List.of(last),
                answered < MANY_REQUESTS ? c.awaitClose(Duration.ofMillis(1)) : CloseState.NOT_CHECKED, facts);
    }

    /** What was read on a connection, then what was read after it. */
    private static Observation join(Observation before, Observation after) {
        List<WireResponse> responses = new ArrayList<>(before.responses());
        responses.addAll(after.responses());
        List<WireResponse> interim = new ArrayList<>(before.interim());
        interim.addAll(after.interim());
        Map<String, Object> facts = new LinkedHashMap<>(before.facts());
        facts.putAll(after.facts());
        return new Observation(responses, interim, after.close(), before.timedOut() || after.timedOut(), facts,
                after.transcripts());
    }
}
