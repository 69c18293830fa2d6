package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.EchoView;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Read;
import io.h1kit.conformance.model.Verdict;

import java.util.List;

import static io.h1kit.conformance.cases.Requests.CRLF;
import static io.h1kit.conformance.cases.Requests.G;
import static io.h1kit.conformance.cases.Requests.S;

/**
 * Persistence, pipelining and tear-down (RFC 9112 §9.3 to §9.6, with the Connection and Upgrade
 * fields of RFC 9110 §7.6.1 and §7.8): the CONN rows. Stateless; each probe runs on the runner's
 * thread (CONN-13 writes from a second one).
 */
public final class Rfc9112Section9_3Persistence implements CaseSource {
    /** A request with a body used to smuggle: answered on its own, it adds a response (CONN-16). */
    private static final String SMUGGLED = "GET /x HTTP/1.1\r\nHost: {host}\r\n\r\n";
    /** CONN-10: the row's number of pipelined requests. */
    private static final int PIPELINED = 100;

    @Override
    public List<Case> cases() {
        return List.of(
                // RFC 9112 §9.3: "HTTP implementations SHOULD support persistent connections."
                // A server that does not "MUST send the "close" connection option in every response".
                Case.of("9112-9.3/01", "CONN-01", Level.SHOULD, "two GETs, one after the other, on one connection")
                        .rfc("RFC 9112 §9.3", "A server that does not support persistent connections MUST send the "
                                + "\"close\" connection option in every response message that does not have a 1xx "
                                + "(Informational) status code.")
                        .probe(ctx -> ConnectionProbes.twoInTurn(ctx, G + CRLF, false))
                        .pass(Expect.that("both answered on the same connection",
                                o -> o.count() == 2 && o.response(1).status() / 100 == 2))
                        .nonStrict(closedAfterSayingClose())
                        .hint("Keep the connection open after a response unless the request or the response said "
                                + "Connection: close; if you close, say so in the response first.")
                        .build(),

                // RFC 9112 §9.6: "A server that receives a "close" connection option MUST initiate closure
                // of the connection ... The server SHOULD send a "close" connection option in its final response".
                Case.of("9112-9.3/02", "CONN-02", Level.MUST, "GET with Connection: close")
                        .rfc("RFC 9112 §9.6", "A server that receives a \"close\" connection option MUST initiate "
                                + "closure of the connection (see below) after it sends the final response to the "
                                + "request that contained the \"close\" connection option. The server SHOULD send a "
                                + "\"close\" connection option in its final response on that connection.")
                        .sends(G + "Connection: close\r\n\r\n")
                        .pass(Expect.responsesThenClose(1).and(saysClose()))
                        .nonStrict(Expect.responsesThenClose(1))
                        .hint("After answering a request that carried Connection: close, close the connection "
                                + "(and send Connection: close in that response).")
                        .build(),

                // RFC 9112 §9.6: "The server MUST NOT process any further requests received on that connection."
                Case.of("9112-9.3/03", "CONN-03", Level.MUST, "GET with Connection: close, then the sentinel in the same write")
                        .rfc("RFC 9112 §9.6", "The server MUST NOT process any further requests received on that "
                                + "connection.")
                        .sends(G + "Connection: close\r\n\r\n" + S)
                        .pass(Expect.responsesThenClose(1))
                        .hint("Stop reading requests after one that said Connection: close; answer it and close.")
                        .build(),

                // RFC 9112 §9.3: for HTTP/1.0 without "keep-alive", "The connection will close after the
                // current response." A server with HTTP/1.0 disabled answers 505 (MDA2AV/Http11Probe#112).
                Case.of("9112-9.3/04", "CONN-04", Level.SHOULD, "GET / HTTP/1.0 with no Connection field")
                        .rfc("RFC 9112 §9.3", "The connection will close after the current response.")
                        .sends("GET / HTTP/1.0\r\n\r\n")
                        .nonStrict(Expect.statusThenClose(505))
                        .pass(Expect.responsesThenClose(1))
                        .build(),

                // RFC 9112 §9.3: an HTTP/1.0 "keep-alive" persists only if "the recipient wishes to honor"
                // it (MAY); App. C.2.2 asks for a length-delimited body and an explicit "keep-alive" back.
                Case.of("9112-9.3/05", "CONN-05", Level.MAY, "two HTTP/1.0 GETs with Connection: keep-alive")
                        .rfc("RFC 9112 §9.3", "If the received protocol is HTTP/1.0, the \"keep-alive\" connection "
                                + "option is present, either the recipient is not a proxy or the message is a "
                                + "response, and the recipient wishes to honor the HTTP/1.0 \"keep-alive\" "
                                + "mechanism, the connection will persist after the current response")
                        .probe(ctx -> ConnectionProbes.twoInTurn(ctx, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true))
                        .pass(Expect.that("kept open: Connection: keep-alive and a Content-Length, then a second answer",
                                o -> o.count() == 2 && o.first().hasToken("Connection", "keep-alive")
                                        && o.first().field("Content-Length") != null))
                        .nonStrict(Expect.thatWithClose("closed after the first response",
                                o -> o.count() == 1 && o.close().closed()))
                        .build(),

                // RFC 9110 §7.6.1: "Connection options are case-insensitive."
                Case.of("9112-9.3/06a", "CONN-06", Level.MUST, "GET with Connection: CLOSE (upper case)")
                        .rfc("RFC 9110 §7.6.1", "Connection options are case-insensitive.")
                        .sends(G + "Connection: CLOSE\r\n\r\n")
                        .pass(Expect.responsesThenClose(1))
                        .hint("Compare connection options without regard to case.")
                        .build(),
                Case.of("9112-9.3/06b", "CONN-06", Level.MUST, "GET with Connection: keep-alive, close")
                        .rfc("RFC 9112 §9.6", "A server that receives a \"close\" connection option MUST initiate "
                                + "closure of the connection (see below) after it sends the final response to the "
                                + "request that contained the \"close\" connection option.")
                        .sends(G + "Connection: keep-alive, close\r\n\r\n")
                        .pass(Expect.responsesThenClose(1))
                        .hint("Connection is a list: look for the close option among all its elements.")
                        .build(),

                // RFC 9112 §9.3.2: the server "MUST send the corresponding responses in the same order
                // that the requests were received". Closing early is allowed when it says so first.
                Case.of("9112-9.3/07", "CONN-07", Level.MUST, "three GETs of /echo?n=a, b, c in one write")
                        .rfc("RFC 9112 §9.3.2", "A server MAY process a sequence of pipelined requests in parallel if "
                                + "they all have safe methods (Section 9.2.1 of [HTTP]), but it MUST send the "
                                + "corresponding responses in the same order that the requests were received.")
                        .requires(Capability.PIPELINING, Capability.ECHO_FIXTURE)
                        .sends(echoGet("a") + echoGet("b") + echoGet("c"), Read.responses(3).closeCheck(false))
                        .pass(inOrder("/echo?n=a", "/echo?n=b", "/echo?n=c"))
                        .nonStrict(closedAfterSayingClose())
                        .hint("Answer pipelined requests one after another, in the order they arrived.")
                        .build(),

                Case.of("9112-9.3/08", "CONN-08", Level.MUST, "GET, POST with a body, HEAD, GET in one write")
                        .rfc("RFC 9112 §9.3.2", "A server MAY process a sequence of pipelined requests in parallel if "
                                + "they all have safe methods (Section 9.2.1 of [HTTP]), but it MUST send the "
                                + "corresponding responses in the same order that the requests were received.")
                        .requires(Capability.PIPELINING, Capability.ECHO_FIXTURE)
                        .sends(echoGet("1") + "POST /echo?n=2 HTTP/1.1\r\nHost: {host}\r\nContent-Length: 5\r\n\r\nhello"
                                        + "HEAD /echo?n=3 HTTP/1.1\r\nHost: {host}\r\n\r\n" + echoGet("4"),
                                Read.responses(4).heads(2).closeCheck(false))
                        .pass(Expect.that("4 responses in order, the POST's body read, the HEAD's response without content",
                                o -> o.count() == 4 && echoes(o, 0, "/echo?n=1") && echoes(o, 3, "/echo?n=4")
                                        && echoes(o, 1, "/echo?n=2") && "hello".equals(EchoView.of(o.response(1)).body())))
                        .hint("Read each request's body before the next request, answer in order, and send no "
                                + "content in a response to HEAD.")
                        .build(),

                // RFC 9112 §2.2: a server receiving octets that do not match the grammar "SHOULD respond
                // with a 400 (Bad Request) response and close the connection".
                Case.of("9112-9.3/09", "CONN-09", Level.SHOULD, "a valid GET, then BLAH, then a valid GET, in one write")
                        .rfc("RFC 9112 §2.2", "When a server listening only for HTTP request messages, or processing "
                                + "what appears from the start-line to be an HTTP request message, receives a sequence "
                                + "of octets that does not match the HTTP-message grammar aside from the robustness "
                                + "exceptions listed above, the server SHOULD respond with a 400 (Bad Request) "
                                + "response and close the connection.")
                        .requires(Capability.PIPELINING)
                        .sends(G + CRLF + "BLAH\r\n\r\n" + G + CRLF, Read.responses(3))
                        .pass(Expect.thatWithClose("2xx, then 400, then close (the third request never answered)",
                                o -> o.count() == 2 && o.response(0).status() / 100 == 2
                                        && o.response(1).status() == 400 && o.close().closed()))
                        .build(),

                Case.of("9112-9.3/10", "CONN-10", Level.MUST, "100 GETs of /echo?n=0..99 in one write")
                        .rfc("RFC 9112 §9.3.2", "A server MAY process a sequence of pipelined requests in parallel if "
                                + "they all have safe methods (Section 9.2.1 of [HTTP]), but it MUST send the "
                                + "corresponding responses in the same order that the requests were received.")
                        .requires(Capability.PIPELINING, Capability.ECHO_FIXTURE)
                        .sends(hundredGets(), Read.responses(PIPELINED).closeCheck(false))
                        .pass(Expect.that(PIPELINED + " responses in order", o -> o.count() == PIPELINED && inOrder(o, PIPELINED)))
                        // A server may close at any time (RFC 9112 §9.5) if it says so; the rest are the client's to retry.
                        .nonStrict(Expect.thatWithClose("fewer, in order, the last with Connection: close, then close",
                                o -> o.count() > 0 && inOrder(o, o.count()) && o.close().closed()
                                        && o.response(o.count() - 1).hasToken("Connection", "close")))
                        .hint("Keep every pipelined request buffered and answer them one by one, in order.")
                        .build(),

                // RFC 9112 §9.6: "a TCP connection that is half-closed by the client does not delimit a
                // request message, nor does it imply that the client is no longer interested in a response."
                Case.of("9112-9.3/11", "CONN-11", Level.MUST, "a complete GET, then the client half-closes")
                        .rfc("RFC 9112 §9.6", "Note that a TCP connection that is half-closed by the client does not "
                                + "delimit a request message, nor does it imply that the client is no longer "
                                + "interested in a response.")
                        .probe(ctx -> {
                            Connection c = ctx.connect();
                            c.write(ctx.expand(G + CRLF));
                            c.shutdownOutput();
                            return ctx.read(c, Read.responses(1).closeCheck(true));
                        })
                        .pass(Expect.thatWithClose("a complete response, then close",
                                o -> o.count() == 1 && complete(o.first()) && o.close().closed()))
                        .hint("A read of end-of-stream after a complete request still needs its response; "
                                + "answer, then close.")
                        .build(),

                // RFC 9112 §9.5: "A client or server that wishes to time out SHOULD issue a graceful close".
                Case.of("9112-9.3/12", "CONN-12", Level.SHOULD, "GET, then silence on the kept-alive connection")
                        .rfc("RFC 9112 §9.5", "A client or server that wishes to time out SHOULD issue a graceful "
                                + "close on the connection.")
                        .requires(Capability.PERSISTENT)
                        .slow()
                        .probe(ConnectionProbes::idleAfterResponse)
                        .pass(Expect.thatWithClose("closed gracefully (FIN) within the budget", o -> o.close() == CloseState.FIN))
                        // The catalogue's WARN: no idle timeout at all.
                        .nonStrict(Expect.thatWithClose("still open when the budget ran out", o -> o.close() == CloseState.OPEN))
                        .build(),

                // RFC 9112 §9.6: "To avoid the TCP reset problem, servers typically close a connection in stages."
                Case.of("9112-9.3/13", "CONN-13", Level.SHOULD, "GET with Connection: close, followed by 1 MB of junk")
                        .rfc("RFC 9112 §9.6", "To avoid the TCP reset problem, servers typically close a connection "
                                + "in stages. First, the server performs a half-close by closing only the write side "
                                + "of the read/write connection.")
                        .probe(ConnectionProbes::closeWithJunkFollowing)
                        .pass(Expect.thatWithClose("the whole response, then FIN",
                                o -> o.count() == 1 && complete(o.first()) && o.close() == CloseState.FIN))
                        .nonStrict(Expect.thatWithClose("the whole response, then RST",
                                o -> o.count() == 1 && complete(o.first()) && o.close() == CloseState.RST))
                        .hint("Close in stages: shut down the write side, drain what the client still sends for "
                                + "a short time, then close.")
                        .build(),

                // RFC 9110 §7.8: "A server MUST NOT switch to a protocol that was not indicated by the
                // client"; it "MAY ignore a received Upgrade header field", so any final response passes
                // the MUST, and a 2xx is the row's preferred outcome.
                Case.of("9112-9.3/14", "CONN-14", Level.MUST, "GET with Upgrade: foo and Connection: Upgrade")
                        .rfc("RFC 9110 §7.8", "A server MUST NOT switch to a protocol that was not indicated by the "
                                + "client in the corresponding request's Upgrade header field.")
                        .sends(G + "Upgrade: foo\r\nConnection: Upgrade\r\n\r\n")
                        .pass(Expect.success())
                        .nonStrict(Expect.that("another final response, no 101", o -> o.count() == 1 && !switched(o)))
                        .hint("Ignore an Upgrade you do not implement and answer the request as usual.")
                        .build(),

                // RFC 6455 §4.2.1: a handshake without "Connection: Upgrade" does not match, and "the server
                // MUST stop processing the client's handshake and return an HTTP response".
                Case.of("9112-9.3/15a", "CONN-15", Level.MUST, "GET with Upgrade: websocket but no Connection: Upgrade")
                        .rfc("RFC 6455 §4.2.1", "the server MUST stop processing the client's handshake and return an "
                                + "HTTP response with an appropriate error code (such as 400 Bad Request).")
                        .sends(G + "Upgrade: websocket\r\n\r\n")
                        .pass(Expect.that("a final response, no 101", o -> o.count() == 1 && !switched(o)))
                        .hint("Switch protocols only when Connection lists the upgrade option.")
                        .build(),
                Case.of("9112-9.3/15b", "CONN-15", Level.MUST, "HTTP/1.0 GET with Upgrade: websocket and Connection: Upgrade")
                        .rfc("RFC 9110 §7.8", "A server that receives an Upgrade header field in an HTTP/1.0 request "
                                + "MUST ignore that Upgrade field.")
                        .sends("GET / HTTP/1.0\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
                        .pass(Expect.that("a final response, no 101", o -> o.count() == 1 && !switched(o)))
                        .hint("Ignore Upgrade in HTTP/1.0 requests.")
                        .build(),

                // RFC 9112 §9.3: "A server MUST read the entire request message body or close the connection
                // after sending its response". The body is itself a request: answered, it adds a response.
                // A GET with Connection: close follows the sentinel, so that the server closes when done.
                Case.of("9112-9.3/16", "CONN-16", Level.MUST, "POST /nonexistent whose body is a GET, then the sentinel and a closing GET")
                        .rfc("RFC 9112 §9.3", "A server MUST read the entire request message body or close the "
                                + "connection after sending its response; otherwise, the remaining data on a "
                                + "persistent connection would be misinterpreted as the next request.")
                        .probe(ctx -> {
                            String body = ctx.expand(SMUGGLED);
                            return ctx.exchange("POST /nonexistent HTTP/1.1\r\nHost: {host}\r\nContent-Length: "
                                    + body.length() + "\r\n\r\n" + body + S + ConnectionProbes.CLOSING, Read.responses(3));
                        })
                        .pass(ConnectionProbes.answeredThenClosed(3))
                        .pass(Expect.responsesThenClose(1))
                        .hint("Read and discard the body of a request you reject, or close after the response.")
                        .build(),

                // RFC 9112 §2.2: "a server that is expecting to receive and parse a request-line SHOULD ignore
                // at least one empty line (CRLF) received prior to the request-line". One is all it promises.
                Case.of("9112-9.3/17", "CONN-17", Level.SHOULD, "GET, an empty line, GET, in one write")
                        .rfc("RFC 9112 §2.2", "In the interest of robustness, a server that is expecting to receive "
                                + "and parse a request-line SHOULD ignore at least one empty line (CRLF) received "
                                + "prior to the request-line.")
                        .requires(Capability.PIPELINING)
                        .sends(G + CRLF + CRLF + G + CRLF, Read.responses(2).closeCheck(false))
                        .pass(Expect.that("2 responses, both 2xx",
                                o -> o.count() == 2 && o.response(0).status() / 100 == 2 && o.response(1).status() / 100 == 2))
                        .build(),

                // An INFO row: how many requests one connection carries is the server's policy (nginx's
                // keepalive_requests). Level MAY so that it never gates.
                Case.of("9112-9.3/18", "CONN-18", Level.MAY, ConnectionProbes.MANY_REQUESTS + " GETs, one after the other, on one connection")
                        .rfc("RFC 9112 §9.3", "HTTP/1.1 defaults to the use of \"persistent connections\", allowing "
                                + "multiple requests and responses to be carried over a single connection.")
                        .requires(Capability.PERSISTENT)
                        .probe(ConnectionProbes::manyInTurn)
                        .pass(Expect.that("all " + ConnectionProbes.MANY_REQUESTS + " answered (the last may say Connection: close)",
                                o -> Integer.valueOf(ConnectionProbes.MANY_REQUESTS).equals(o.fact("answered"))))
                        .otherwise(Verdict.INFO)
                        .build());
    }

    // --- outcomes and texts ---

    /** The first response said Connection: close, and then the server closed. */
    private static Expectation closedAfterSayingClose() {
        return Expect.thatWithClose("one response with Connection: close, then close",
                o -> o.count() == 1 && o.first().hasToken("Connection", "close") && o.close().closed());
    }

    private static Expectation saysClose() {
        return Expect.first("the response says Connection: close", r -> r.hasToken("Connection", "close"));
    }

    /** The /echo fixture's reflections, one per request, in the order given. */
    private static Expectation inOrder(String... targets) {
        return Expect.that(targets.length + " responses in order (" + String.join(", ", targets) + ")", o -> {
            if (o.count() != targets.length) {
                return false;
            }
            for (int i = 0; i < targets.length; i++) {
                if (!echoes(o, i, targets[i])) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean inOrder(Observation o, int n) {
        for (int i = 0; i < n; i++) {
            if (!echoes(o, i, "/echo?n=" + i)) {
                return false;
            }
        }
        return true;
    }

    /** Response {@code index} is the /echo fixture's reflection of a request for {@code target}. */
    private static boolean echoes(Observation o, int index, String target) {
        EchoView view = EchoView.of(o.response(index));
        return view != null && target.equals(view.target());
    }

    private static boolean complete(WireResponse r) {
        return r.status() > 0 && r.notes().stream().noneMatch(n -> n.startsWith("incomplete"));
    }

    private static boolean switched(Observation o) {
        return o.interim().stream().anyMatch(r -> r.status() == 101);
    }

    private static String echoGet(String n) {
        return "GET /echo?n=" + n + " HTTP/1.1\r\nHost: {host}\r\n\r\n";
    }

    private static String hundredGets() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < PIPELINED; i++) {
            sb.append(echoGet(String.valueOf(i)));
        }
        return sb.toString();
    }

}
