package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Read;

import java.util.ArrayList;
import java.util.List;

import static io.h1kit.conformance.cases.FramingOracles.TWO;
import static io.h1kit.conformance.cases.FramingOracles.answeredWithBody;
import static io.h1kit.conformance.cases.FramingOracles.escaped;
import static io.h1kit.conformance.cases.FramingOracles.isSentinel;
import static io.h1kit.conformance.cases.FramingOracles.letter;
import static io.h1kit.conformance.cases.FramingOracles.sentinelAnswered;
import static io.h1kit.conformance.cases.FramingOracles.sentinelLooksLikeGetRoot;
import static io.h1kit.conformance.cases.FramingOracles.withSentinel;
import static io.h1kit.conformance.cases.Requests.G;
import static io.h1kit.conformance.cases.Requests.S;
import static io.h1kit.conformance.cases.Rfc9112Section6_1TransferEncoding.tePost;

/**
 * Request-smuggling vectors (RFC 9112 §11.2), judged by the sentinel: the SMUG rows. Each case
 * writes its payload and the sentinel in one write. A target is safe when it refuses and closes,
 * or frames the bytes exactly as the RFC reads them; the count and identity of the responses show
 * any other framing, with no timing heuristics.
 */
public final class Rfc9112Section11_2RequestSmuggling implements CaseSource {
    static final String CL_AND_TE = "A server MAY reject a request that contains both Content-Length and "
            + "Transfer-Encoding or process such a request in accordance with the Transfer-Encoding alone. Regardless, "
            + "the server MUST close the connection after responding to such a request to avoid the potential attacks.";
    private static final String READ_OR_CLOSE = "A server MUST read the entire request message body or close the "
            + "connection after sending its response; otherwise, the remaining data on a persistent connection would be "
            + "misinterpreted as the next request.";
    /** A whole request hidden in a body: answered only by a server that misframes what precedes it. */
    private static final String SMUGGLED = "GET /?smuggled HTTP/1.1\r\nHost: {host}\r\n\r\n";
    /** The CL.0 prefix: a request-line and a field that the next request's head completes. */
    private static final String CL0_PREFIX = "GET /?smuggled HTTP/1.1\r\nX: y";

    @Override
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(Case.of("9112-11.2/01", "SMUG-01", Level.MUST, "CL.TE: Content-Length: 6 and chunked, body 0↵↵G, then the sentinel")
                .rfc("RFC 9112 §6.1", CL_AND_TE)
                .requires(Capability.PIPELINING)
                .probe(withSentinel("POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\nG" + S))
                .pass(Expect.statusThenClose(400))
                .pass(oneThenClose("one response (framed by Transfer-Encoding, the G never answered), then close"))
                .hint("Refuse Content-Length with Transfer-Encoding (400), or frame by Transfer-Encoding; close either way.")
                .build());
        cases.add(Case.of("9112-11.2/02", "SMUG-02", Level.MUST, "TE.CL: Content-Length: 4 and a chunk holding GPOST, then the sentinel")
                .rfc("RFC 9112 §6.1", CL_AND_TE)
                .requires(Capability.PIPELINING)
                .probe(withSentinel(ctx -> {
                    String smuggled = ctx.expand("GPOST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 15\r\n\r\nx=1");
                    String size = Integer.toHexString(smuggled.length());
                    return "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: " + (size.length() + 2)
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n" + smuggled + "\r\n0\r\n\r\n" + S;
                }, TWO))
                .pass(Expect.statusThenClose(400))
                .pass(oneThenClose("one response (framed by Transfer-Encoding, GPOST never answered), then close"))
                .hint("Transfer-Encoding overrides Content-Length; refuse the pair or frame by it, and close.")
                .build());
        String[][] teTe = {{"Transfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n", "chunked, then x"},
                {"Transfer-Encoding: x\r\nTransfer-Encoding: chunked\r\n", "x, then chunked"}};
        for (int i = 0; i < teTe.length; i++) {
            // RFC 9112 §6.3: with chunked not final, "the server MUST respond with the 400 (Bad
            // Request) status code and then close the connection"; with x first, x is a coding the
            // server does not understand (501, §6.1) and Content-Length is present (close, §6.1).
            cases.add(Case.of("9112-11.2/03" + letter(i), "SMUG-03", Level.MUST,
                            "TE.TE: two Transfer-Encoding lines (" + teTe[i][1] + ") and Content-Length, then the sentinel")
                    .rfc("RFC 9112 §6.1", CL_AND_TE)
                    .requires(Capability.PIPELINING)
                    .probe(withSentinel("POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 6\r\n" + teTe[i][0]
                            + "\r\n0\r\n\r\nG" + S))
                    .pass(FramingOracles.refused())
                    .hint("Join Transfer-Encoding lines into one list before judging it; refuse unknown codings and close.")
                    .build());
        }
        List<ObfuscatedTransferEncoding> permutations = ObfuscatedTransferEncoding.ALL;
        for (int i = 0; i < permutations.size(); i++) {
            cases.add(permutations.get(i).toCase("9112-11.2/04" + letter(i)));
        }
        String[] methods = {"GET", "HEAD", "OPTIONS"};
        String[][] targets = {{"/", "the root"}, {"/f", "a static file"}, {"/dir", "a redirecting folder"},
                {"/__h1kit_missing", "a missing path"}};
        int n = 0;
        for (String method : methods) {
            for (String[] target : targets) {
                cases.add(clZero("9112-11.2/05" + letter(n++), method, target[0], target[1]));
            }
        }
        cases.add(earlyResponse("9112-11.2/06a", "POST /echo with Content-Length: 1000000000 (1 GB, above common limits)",
                "POST /echo", "1000000000")
                .pass(Expect.responsesThenClose(1))
                // nginx answers 413 and then drains the body for its lingering time before it closes:
                // the body is never answered as a request, but the close comes after the window.
                .nonStrict(Expect.that("one early response, the body never answered (the server was still draining it)",
                        o -> o.count() == 1 && o.timedOut()))
                .info(Expect.that("no response: the target waits for the body, so there is no early response to judge",
                        o -> o.count() == 0 && o.timedOut()))
                .build());
        cases.add(earlyResponse("9112-11.2/06b", "POST to a missing path with a body holding a request",
                "POST /__h1kit_missing", null)
                .info(blindSpot())
                .pass(sentinelAnswered(2))
                .pass(Expect.responsesThenClose(1))
                .build());
        cases.add(earlyResponse("9112-11.2/06c", "POST to / (a static path) with a body holding a request", "POST /", null)
                .info(blindSpot())
                .pass(sentinelAnswered(2))
                .pass(Expect.responsesThenClose(1))
                .build());
        String[][] funky = {{"2;\nxx\r\n0\r\n\r\n", "a bare LF ending a chunk extension"},
                {"2\rX\r\nxx\r\n0\r\n\r\n", "a bare CR in the size line"},
                {"2\r\nxx\n0\r\n\r\n", "chunk data ended by a bare LF"},
                {"2\r\nxxxx\r\n0\r\n\r\n", "chunk data spilling past its size"}};
        for (int i = 0; i < funky.length; i++) {
            Case.Builder b = Case.of("9112-11.2/07" + letter(i), "SMUG-07", Level.MUST,
                            "funky chunks: " + funky[i][1] + " (" + escaped(funky[i][0]) + "), then the sentinel")
                    .rfc("RFC 9112 §7.1", "chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF")
                    .requires(Capability.PIPELINING)
                    .probe(withSentinel(tePost("chunked") + funky[i][0] + S))
                    .pass(Expect.statusThenClose(400))
                    .nonStrict(refusedOtherwise())
                    .hint("Accept only CRLF around chunk sizes and data; refuse anything else with 400 and close.");
            if (i < 3) {
                // The row's failure is a 2xx "followed by the sentinel answered out of sync". Read in
                // sync, a bare LF as a line end or a bare CR as SP breaks only §2.2's SHOULD.
                b.nonStrict(sentinelAnswered(2).and(answeredWithBody("xx")));
            }
            cases.add(b.build());
        }
        cases.add(lfGames());
        cases.add(Case.of("9112-11.2/09a", "SMUG-09", Level.MUST,
                        "POST with Content-Length: 0, then a POST whose body is GET /, then the sentinel")
                .rfc("RFC 9112 §6.3", Rfc9112Section6_2ContentLength.VALID)
                .requires(Capability.PIPELINING)
                .probe(withSentinel(ctx -> {
                    String inner = ctx.expand("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n");
                    return "POST / HTTP/1.1\r\nContent-Length: 0\r\nConnection: keep-alive\r\nHost: {host}\r\n\r\n"
                            + "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: " + inner.length() + "\r\n\r\n" + inner + S;
                }, Read.responses(3).closeCheck(false)))
                .pass(sentinelAnswered(3))
                .nonStrict(Expect.thatWithClose("fewer responses, then close (nothing answered out of order)",
                        o -> o.count() >= 1 && o.count() < 3 && o.close().closed() && !o.timedOut()))
                .hint("Each request's body ends where its own Content-Length says; the next request starts there.")
                .build());
        cases.add(Case.of("9112-11.2/09b", "SMUG-09", Level.MUST, "chunked body INVALID!!!, then GET / and the sentinel")
                .rfc("RFC 9112 §7.1", "chunk-size = 1*HEXDIG")
                .requires(Capability.PIPELINING)
                .probe(withSentinel("POST / HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "INVALID!!!\r\n" + G + "\r\n" + S))
                .pass(Expect.statusThenClose(400))
                .nonStrict(refusedOtherwise())
                .hint("After an invalid chunk the framing is lost: answer 400, close, answer nothing that follows.")
                .build());
        return List.copyOf(cases);
    }

    /** One response, then a close (what a server that frames by Transfer-Encoding and closes shows). */
    private static Expectation oneThenClose(String description) {
        return Expect.thatWithClose(description, o -> o.count() == 1 && o.close().closed());
    }

    /** A sentinel that gets a 2xx alone cannot be told from a smuggled GET /: the case cannot judge. */
    private static Expectation blindSpot() {
        return Expect.that("2 responses, but the sentinel alone gets a 2xx like the smuggled GET /, so they cannot be told "
                + "apart", o -> o.count() == 2 && sentinelLooksLikeGetRoot(o) && o.response(1).status() / 100 == 2);
    }

    /** SMUG-05: a body on a method and target that servers tend to answer without reading it (CL.0). */
    private static Case clZero(String id, String method, String path, String what) {
        Case.Builder b = Case.of(id, "SMUG-05", Level.MUST, "CL.0: " + method + " " + path + " (" + what
                        + ") with a body holding GET /?smuggled…, then the sentinel")
                .rfc("RFC 9112 §9.3", READ_OR_CLOSE)
                .probe(withSentinel(method + " " + path + " HTTP/1.1\r\nHost: {host}\r\nContent-Length: "
                        + CL0_PREFIX.length() + "\r\n\r\n" + CL0_PREFIX + S, method.equals("HEAD") ? TWO.heads(0) : TWO))
                .info(blindSpot())
                .pass(sentinelAnswered(2))
                .pass(Expect.responsesThenClose(1))
                .hint("Read the body of every request, whatever its method and whatever the answer; or close after answering.");
        b.requires(path.equals("/f") || path.equals("/dir")
                ? new Capability[] {Capability.PIPELINING, Capability.FILE_FIXTURE}
                : new Capability[] {Capability.PIPELINING});
        return b.build();
    }

    /**
     * Another 4xx, then a close: a target that refuses the request for another reason before the
     * body (404 or 405 to POST /echo without the fixture, 403 to POST /) and closes on the broken
     * framing. Nothing desynchronises; the refusal is just not the 400 the row asks for.
     */
    private static Expectation refusedOtherwise() {
        return Expect.statusThenClose(4);
    }

    /** SMUG-06: a request refused before its body is read, the body holding a whole request. */
    private static Case.Builder earlyResponse(String id, String title, String requestLine, String contentLength) {
        return Case.of(id, "SMUG-06", Level.MUST, title + ", then the sentinel")
                .rfc("RFC 9112 §9.3", READ_OR_CLOSE)
                .requires(Capability.PIPELINING)
                .probe(withSentinel(ctx -> {
                    String body = ctx.expand(SMUGGLED);
                    return requestLine + " HTTP/1.1\r\nHost: {host}\r\nContent-Length: "
                            + (contentLength != null ? contentLength : String.valueOf(body.length())) + "\r\n\r\n" + body + S;
                }, TWO))
                .hint("After an early answer, drain the body or close; never parse it as the next request.");
    }

    /**
     * SMUG-08: bare LFs in a field line. Read as line ends (RFC 9112 §2.2 MAY), they end the head
     * and leave a Host-less GET /x (400); read as bytes in a value, RFC 9110 §5.5 lets the recipient
     * replace them with SP, so one request with the sentinel after it is an RFC reading too
     * (NON-STRICT: the catalogue lists it as a failure). Read with the close window, so that a
     * third response is counted.
     */
    private static Case lfGames() {
        return Case.of("9112-11.2/08", "SMUG-08", Level.MUST, "LF games: Useless:\\n\\nGET /x inside a GET, then the sentinel")
                .rfc("RFC 9112 §2.2", "Although the line terminator for the start-line and fields is the sequence CRLF, "
                        + "a recipient MAY recognize a single LF as a line terminator and ignore any preceding CR.")
                .requires(Capability.PIPELINING)
                .probe(withSentinel(G + "Useless:\n\nGET /x HTTP/1.1\r\n\r\n" + S, Read.responses(2).closeCheck(true)))
                .pass(Expect.statusThenClose(400))
                .pass(Expect.thatWithClose("2xx, then 400 for the Host-less GET /x (bare LF read as a line end), then "
                        + "close or the sentinel", o -> o.status() / 100 == 2 && o.count() >= 2 && o.response(1).status() == 400
                        && (o.count() == 2 && o.close().closed() || o.count() == 3 && isSentinel(o, 2))))
                .nonStrict(Expect.that("2xx, then the sentinel (the bare LFs replaced with SP in the Useless value)",
                        o -> o.count() == 2 && o.status() / 100 == 2 && isSentinel(o, 1)))
                .hint("Treat a bare LF one way everywhere: as a line end, or as an error (400 and close).")
                .build();
    }
}
