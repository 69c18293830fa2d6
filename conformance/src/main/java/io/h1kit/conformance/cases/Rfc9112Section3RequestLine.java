package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;

import java.util.List;

import static io.h1kit.conformance.cases.ParsingOutcomes.BAD_REQUEST_AND_CLOSE;
import static io.h1kit.conformance.cases.ParsingOutcomes.INVALID_REQUEST_LINE;
import static io.h1kit.conformance.cases.ParsingOutcomes.SECTION_2_2;
import static io.h1kit.conformance.cases.ParsingOutcomes.SECTION_3;
import static io.h1kit.conformance.cases.Requests.refusalWatched;
import static io.h1kit.conformance.cases.ParsingOutcomes.halfRejected;
import static io.h1kit.conformance.cases.ParsingOutcomes.http09Reply;
import static io.h1kit.conformance.cases.ParsingOutcomes.rejected;
import static io.h1kit.conformance.cases.Requests.G;

/** The request-line and method (RFC 9112 §3): RL rows, RL-01 the baseline. */
public final class Rfc9112Section3RequestLine implements CaseSource {
    private static final String WHITESPACE_PARSING = "Although the request-line grammar rule requires that each of "
            + "the component elements be separated by a single SP octet, recipients MAY instead parse on "
            + "whitespace-delimited word boundaries and, aside from the CRLF terminator, treat any form of whitespace "
            + "as the SP separator while ignoring preceding or trailing whitespace";
    private static final String UNKNOWN_METHOD = "An origin server that receives a request method that is "
            + "unrecognized or not implemented SHOULD respond with the 501 (Not Implemented) status code.";
    private static final String CASE_SENSITIVE_METHOD = "The method token is case-sensitive because it might be used "
            + "as a gateway to object-based systems with case-sensitive method names.";
    private static final String LONG_METHOD = "A server that receives a method longer than any that it implements "
            + "SHOULD respond with a 501 (Not Implemented) status code.";
    private static final String LONG_TARGET = "A server that receives a request-target longer than any URI it wishes "
            + "to parse MUST respond with a 414 (URI Too Long) status code";
    private static final String RECOMMENDED_LENGTH = "It is RECOMMENDED that all HTTP senders and recipients support, "
            + "at a minimum, request-line lengths of 8000 octets.";
    /** RL-10's request-line length, the RFC's recommended minimum. */
    private static final int RECOMMENDED_LINE_OCTETS = 8_000;
    /** RL-11's request-target: 100 KiB. */
    private static final int HUGE_TARGET_OCTETS = 100 * 1024;
    private static final int LONG_METHOD_OCTETS = 1_000;

    @Override
    public List<Case> cases() {
        return List.of(
                // The baseline: every other HTTP case depends on it.
                Case.of(Case.HTTP_BASELINE, "RL-01", Level.MUST, "GET / answered with a 2xx")
                        .rfc("RFC 9112 §3", "request-line = method SP request-target SP HTTP-version")
                        .sends(G + "\r\n")
                        .pass(Expect.success())
                        .hint("The target must answer GET / with a 2xx for the suite to judge anything else.")
                        .build(),

                // RFC 9112 §3: "Recipients of an invalid request-line SHOULD respond with either a
                // 400 (Bad Request) error or a 301 (Moved Permanently) redirect".
                Case.of("9112-3/02", "RL-02", Level.SHOULD, "two SPs between method and target")
                        .rfc("RFC 9112 §3", "Recipients of an invalid request-line SHOULD respond with either a 400 "
                                + "(Bad Request) error or a 301 (Moved Permanently) redirect with the request-target "
                                + "properly encoded.")
                        .sends("GET  / HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(Expect.statusThenClose(400))
                        .nonStrict(Expect.success())
                        .build(),

                // RFC 9112 §3 lets a recipient treat HTAB, VT, FF and bare CR as SP: a 2xx is lenient, not wrong.
                separator("9112-3/03a", "HTAB", "\t"),
                separator("9112-3/03b", "VT", "\u000b"),
                separator("9112-3/03c", "FF", "\f"),
                separator("9112-3/03d", "bare CR", "\r"),

                Case.of("9112-3/04", "RL-04", Level.SHOULD, "trailing SP after the HTTP-version")
                        .rfc(SECTION_3, WHITESPACE_PARSING)
                        .probe(refusalWatched("GET / HTTP/1.1 \r\nHost: {host}\r\n\r\n"))
                        .pass(rejected())
                        .nonStrict(Expect.success())
                        .nonStrict(halfRejected())
                        .build(),

                Case.of("9112-3/05", "RL-05", Level.SHOULD, "empty method ( / HTTP/1.1)")
                        .rfc(SECTION_2_2, BAD_REQUEST_AND_CLOSE)
                        .sends(" / HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .build(),

                // method = token: none of these is one. 501 (an unknown method) is the lenient reading.
                badMethod("9112-3/06a", "G(T"),
                badMethod("9112-3/06b", "GET\0"),
                badMethod("9112-3/06c", "G ET"),
                badMethod("9112-3/06d", "G=\":<>(e),[T];?\""),

                // "get" is not GET: an unknown method (501); 405 and 400 also refuse it. A 2xx as GET fails.
                Case.of("9112-3/07", "RL-07", Level.SHOULD, "lowercase method (get / HTTP/1.1)")
                        .rfc("RFC 9110 §9.1", CASE_SENSITIVE_METHOD)
                        .sends("get / HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(Expect.status(501))
                        .nonStrict(Expect.status(405, 400))
                        .build(),

                Case.of("9112-3/08", "RL-08", Level.SHOULD, "unknown method (FOO / HTTP/1.1)")
                        .rfc("RFC 9110 §9.1", UNKNOWN_METHOD)
                        .sends("FOO / HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(Expect.status(501))
                        .nonStrict(Expect.status(405, 400))
                        .build(),

                // The RFC asks for 501 and does not ask for the close; 501 left open is NON-STRICT.
                Case.of("9112-3/09", "RL-09", Level.SHOULD, "a 1,000-byte method")
                        .rfc(SECTION_3, LONG_METHOD)
                        .sends("A".repeat(LONG_METHOD_OCTETS) + " / HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(Expect.statusThenClose(501))
                        .nonStrict(Expect.status(501, 400, 414))
                        .build(),

                // The length sits in a query on "/", so a server answers it like the baseline and only
                // its request-line limit is tested (a path that long trips file-name limits instead).
                Case.of("9112-3/10", "RL-10", Level.SHOULD, "an 8,000-octet request-line (GET /?aaa…)")
                        .rfc(SECTION_3, RECOMMENDED_LENGTH)
                        .sends(longTargetRequest(RECOMMENDED_LINE_OCTETS - "GET  HTTP/1.1".length()))
                        .pass(Expect.status(2, 404))
                        .info(Expect.status(414))
                        .build(),

                // The MUST binds a server only past the length it wishes to parse: one that accepts
                // 100 KB is conformant, and recorded as INFO.
                Case.of("9112-3/11", "RL-11", Level.MUST, "a 100 KB request-target")
                        .rfc(SECTION_3, LONG_TARGET)
                        .sends(longTargetRequest(HUGE_TARGET_OCTETS))
                        .pass(Expect.status(414))
                        .nonStrict(Expect.status(400, 431))
                        .info(Expect.status(2, 404))
                        .hint("Answer 414 (URI Too Long) to a request-target past your limit.")
                        .build(),

                Case.of("9112-3/12", "RL-12", Level.SHOULD, "missing request-target (GET HTTP/1.1)")
                        .rfc(SECTION_3, INVALID_REQUEST_LINE)
                        .sends("GET HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .build(),

                Case.of("9112-3/13", "RL-13", Level.SHOULD, "bare LF as the separator before the version")
                        .rfc(SECTION_3, INVALID_REQUEST_LINE)
                        .sends("GET /\nHTTP/1.1\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        // With the bare LF read as a line end (RFC 9112 §2.2 MAY), "GET /" is an HTTP/0.9
                        // request-line; nginx answers it in HTTP/0.9. Recorded, as for RL-14.
                        .info(http09Reply())
                        .lintExempt("RESP-05")
                        .build(),

                // An HTTP/0.9 request (no version). Answering in HTTP/0.9 (content only) is recorded as INFO.
                Case.of("9112-3/14", "RL-14", Level.SHOULD, "HTTP/0.9 request-line (GET /)")
                        .rfc(SECTION_3, INVALID_REQUEST_LINE)
                        .sends("GET /\r\n\r\n")
                        .pass(Expect.statusThenClose(400, 505))
                        .nonStrict(halfRejected(400, 505))
                        .info(http09Reply())
                        .lintExempt("RESP-05") // an HTTP/0.9 reply has no status line by design
                        .build());
    }

    /** RL-03: a whitespace octet other than SP between method and target. */
    private static Case separator(String id, String name, String octet) {
        return Case.of(id, "RL-03", Level.SHOULD, name + " between method and target")
                .rfc(SECTION_3, WHITESPACE_PARSING)
                .probe(refusalWatched("GET" + octet + "/ HTTP/1.1\r\nHost: {host}\r\n\r\n"))
                .pass(rejected())
                .nonStrict(Expect.success())
                .nonStrict(halfRejected())
                .build();
    }

    /** RL-06: a method that is not a token. A 2xx (a prefix read as GET) fails. */
    private static Case badMethod(String id, String method) {
        return Case.of(id, "RL-06", Level.SHOULD, "non-token method " + printable(method))
                .rfc("RFC 9112 §3.1; RFC 9110 §5.6.2", "method = token")
                .sends(method + " / HTTP/1.1\r\nHost: {host}\r\n\r\n")
                .pass(rejected())
                .nonStrict(Expect.status(501))
                .nonStrict(halfRejected())
                .build();
    }

    /** A GET of "/" whose request-target, "/?aaa…", is {@code targetOctets} long. */
    private static String longTargetRequest(int targetOctets) {
        return "GET /?" + "a".repeat(targetOctets - 2) + " HTTP/1.1\r\nHost: {host}\r\n\r\n";
    }

    /** The method as a display name can show it: NUL as \0. */
    private static String printable(String text) {
        return text.replace("\0", "\\0");
    }
}
