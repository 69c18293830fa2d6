package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Read;
import io.h1kit.conformance.model.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static io.h1kit.conformance.cases.ParsingOutcomes.BAD_REQUEST_AND_CLOSE;
import static io.h1kit.conformance.cases.ParsingOutcomes.SECTION_2_2;
import static io.h1kit.conformance.cases.ParsingOutcomes.acceptedUnseen;
import static io.h1kit.conformance.cases.ParsingOutcomes.anyRefusal;
import static io.h1kit.conformance.cases.Requests.refusalWatched;
import static io.h1kit.conformance.cases.ParsingOutcomes.echoField;
import static io.h1kit.conformance.cases.ParsingOutcomes.halfRejected;
import static io.h1kit.conformance.cases.ParsingOutcomes.rejected;
import static io.h1kit.conformance.cases.ParsingOutcomes.values;
import static io.h1kit.conformance.cases.Requests.G;

/** Message parsing and line endings (RFC 9112 §2.2): MSG rows. */
public final class Rfc9112Section2_2MessageParsing implements CaseSource {
    private static final String LEADING_EMPTY_LINE = "In the interest of robustness, a server that is expecting to "
            + "receive and parse a request-line SHOULD ignore at least one empty line (CRLF) received prior to the "
            + "request-line.";
    private static final String BARE_LF = "Although the line terminator for the start-line and fields is the "
            + "sequence CRLF, a recipient MAY recognize a single LF as a line terminator and ignore any preceding CR.";
    private static final String BARE_CR = "A recipient of such a bare CR MUST consider that element to be invalid "
            + "or replace each bare CR with SP before processing the element or forwarding the message.";
    private static final String WHITESPACE_AFTER_START_LINE = "A recipient that receives whitespace between the "
            + "start-line and the first header field MUST either reject the message as invalid or consume each "
            + "whitespace-preceded line without further processing of it";
    private static final String VERSION_505 = "A server can send a 505 (HTTP Version Not Supported) response if it "
            + "wishes, for any reason, to refuse service of the client's major protocol version.";
    /** /echo with the catalogue's {G} fields: the fixture shows how the server read them. */
    private static final String E = "GET /echo HTTP/1.1\r\nHost: {host}\r\n";
    /** MSG-08's garbage is fixed by a seed, so the case sends the same bytes every run. */
    private static final long GARBAGE_SEED = 9112_0202L;

    @Override
    public List<Case> cases() {
        return List.of(
                // RFC 9112 §2.2: "... SHOULD ignore at least one empty line (CRLF) received prior to the request-line."
                Case.of("9112-2.2/01", "MSG-01", Level.SHOULD, "one CRLF before the request-line")
                        .rfc(SECTION_2_2, LEADING_EMPTY_LINE)
                        .probe(refusalWatched("\r\n" + G + "\r\n"))
                        .pass(Expect.success())
                        // Not ignoring it makes the empty line an invalid request-line: §2.2's 400 and close.
                        .nonStrict(anyRefusal())
                        .build(),

                // Beyond the one empty line the SHOULD covers, ignoring more is the server's choice.
                Case.of("9112-2.2/02", "MSG-02", Level.MAY, "four CRLFs before the request-line")
                        .rfc(SECTION_2_2, LEADING_EMPTY_LINE)
                        .probe(refusalWatched("\r\n\r\n\r\n\r\n" + G + "\r\n"))
                        .info(Expect.success())
                        .info(anyRefusal())
                        .otherwise(Verdict.INFO)
                        .build(),

                // RFC 9112 §2.2: "a recipient MAY recognize a single LF as a line terminator"; either choice passes.
                Case.of("9112-2.2/03", "MSG-03", Level.MAY, "bare LF ends the request-line")
                        .rfc(SECTION_2_2, BARE_LF)
                        .probe(refusalWatched("GET / HTTP/1.1\nHost: {host}\r\n\r\n"))
                        .pass(rejected())
                        .nonStrict(Expect.success())
                        .nonStrict(halfRejected())
                        .build(),
                Case.of("9112-2.2/04a", "MSG-04", Level.MAY, "bare LF ends a field line (X: y\\n)")
                        .rfc(SECTION_2_2, BARE_LF)
                        .probe(refusalWatched(G + "X: y\n\r\n"))
                        .pass(rejected())
                        .nonStrict(Expect.success())
                        .nonStrict(halfRejected())
                        .build(),
                Case.of("9112-2.2/04b", "MSG-04", Level.MAY, "bare LF ends the header section")
                        .rfc(SECTION_2_2, BARE_LF)
                        .probe(refusalWatched(G + "\n"))
                        .pass(rejected())
                        .nonStrict(Expect.success())
                        .nonStrict(halfRejected())
                        .build(),

                // RFC 9112 §2.2: bare CR is invalid (or becomes SP, which leaves an invalid request-line):
                // no reading of these bytes is a valid request, so any 2xx fails.
                Case.of("9112-2.2/05", "MSG-05", Level.MUST, "bare CR ends the request-line")
                        .rfc(SECTION_2_2, BARE_CR)
                        .sends("GET / HTTP/1.1\rHost: {host}\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .hint("Treat a CR not followed by LF as an error: answer 400 and close.")
                        .build(),

                // A 2xx is conformant only if the CR became SP; the /echo fixture shows which.
                Case.of("9112-2.2/06", "MSG-06", Level.MUST, "bare CR inside a field value (X: a\\rb)")
                        .rfc("RFC 9112 §2.2; RFC 9110 §5.5", BARE_CR)
                        .sends(E + "X: a\rb\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .nonStrict(echoField("X", "= \"a b\" (CR replaced by SP)", "a b"::equals))
                        .info(acceptedUnseen())
                        .hint("Reject a field value holding a bare CR with 400, or replace the CR with SP; never "
                                + "treat it as a line break.")
                        .build(),

                // A 2xx is conformant only if the whole whitespace-led line was ignored (no X in /echo).
                Case.of("9112-2.2/07", "MSG-07", Level.MUST, "whitespace-led line right after the request-line")
                        .rfc(SECTION_2_2, WHITESPACE_AFTER_START_LINE)
                        .sends("GET /echo HTTP/1.1\r\n X: y\r\nHost: {host}\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .nonStrict(Expect.echo("no field X (the line was ignored) and target /echo",
                                view -> values(view, "X").isEmpty() && "/echo".equals(view.target())))
                        .info(acceptedUnseen())
                        .hint("Reject a request whose first field line starts with whitespace (400), or ignore "
                                + "that line entirely.")
                        .build(),

                Case.of("9112-2.2/08", "MSG-08", Level.SHOULD, "252 seeded random bytes with NUL, then CRLF CRLF")
                        .rfc(SECTION_2_2, BAD_REQUEST_AND_CLOSE)
                        .probe(ctx -> ctx.exchange(garbage(), Read.responses(1)))
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .build(),

                Case.of("9112-2.2/09", "MSG-09", Level.SHOULD, "a response sent as a request (HTTP/1.1 200 OK)")
                        .rfc(SECTION_2_2, BAD_REQUEST_AND_CLOSE)
                        .sends("HTTP/1.1 200 OK\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .build(),

                // RFC 9110 §6.2 lets the server refuse the major version with 505; 400 is the grammar's answer.
                Case.of("9112-2.2/10", "MSG-10", Level.SHOULD, "the HTTP/2 connection preface (PRI * HTTP/2.0)")
                        .rfc("RFC 9112 §2.3; RFC 9110 §6.2", VERSION_505)
                        .sends("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                        .pass(Expect.statusThenClose(505, 400))
                        .nonStrict(halfRejected(505, 400))
                        // A 505 that keeps the connection lets "SM" be read as a request of its own.
                        .nonStrict(Expect.thatWithClose("505 or 400 first, the rest refused too, then close",
                                o -> (o.status() == 505 || o.status() == 400) && o.close().closed()
                                        && o.responses().stream().allMatch(r -> r.status() / 100 == 4
                                                || r.status() == 505)))
                        .build());
    }

    /**
     * 252 random bytes from a fixed seed, a NUL among them, then CRLF CRLF: a server that waits
     * for the end of the head before parsing gets one, so it is judged on what it does with
     * garbage rather than on how long it waits.
     */
    static byte[] garbage() {
        byte[] random = new byte[252];
        new Random(GARBAGE_SEED).nextBytes(random);
        random[7] = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[random.length + end.length];
        System.arraycopy(random, 0, all, 0, random.length);
        System.arraycopy(end, 0, all, random.length, end.length);
        return all;
    }
}
