package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;

import java.util.ArrayList;
import java.util.List;

import static io.h1kit.conformance.cases.FramingOracles.answeredWithBody;
import static io.h1kit.conformance.cases.Requests.refusalWatched;
import static io.h1kit.conformance.cases.FramingOracles.escaped;
import static io.h1kit.conformance.cases.FramingOracles.letter;
import static io.h1kit.conformance.cases.FramingOracles.sentinelAnswered;
import static io.h1kit.conformance.cases.FramingOracles.withSentinel;
import static io.h1kit.conformance.cases.Requests.P;
import static io.h1kit.conformance.cases.Requests.S;

/**
 * Transfer-Encoding (RFC 9112 §6.1, §6.3, §7): the TE rows. A body {@code 5↵hello↵0↵↵} follows
 * each field so that a server that misreads the field frames it visibly wrong.
 */
public final class Rfc9112Section6_1TransferEncoding implements CaseSource {
    /** The chunked body of TE-01: hello, then the last chunk. */
    static final String HELLO_CHUNKED = "5\r\nhello\r\n0\r\n\r\n";
    static final String MUST_PARSE = "A recipient MUST be able to parse and decode the chunked transfer coding.";
    static final String NOT_FINAL = "If a Transfer-Encoding header field is present in a request and the chunked transfer "
            + "coding is not the final encoding, the message body length cannot be determined reliably; the server MUST "
            + "respond with the 400 (Bad Request) status code and then close the connection.";
    private static final String NOT_FINAL_HINT = "Frame a request by Transfer-Encoding only when its last coding is "
            + "chunked; otherwise answer 400 (or 501 for a coding you do not know) and close.";

    /** TE-10: tokens that resemble chunked but are not it. */
    private static final List<String[]> LOOKALIKES = List.of(
            new String[] {"xchunked", "a prefix"},
            new String[] {"chunk", "a truncation: a lazy grep"},
            new String[] {"\"chunked\"", "in double quotes"},
            new String[] {"'chunked'", "in single quotes"},
            new String[] {"\u000bchunked", "after a vertical tab"},
            new String[] {"\u000cchunked", "after a form feed"},
            new String[] {"chunked\u0000", "before a NUL"},
            new String[] {"chunked\r", "before a bare CR"},
            new String[] {"\u00a0chunked", "after a no-break space, 0xA0"},
            new String[] {"ch\u0096nked", "with a 0x96 for the u"});

    @Override
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(Case.of("9112-6.1/01", "TE-01", Level.MUST, "POST with a chunked hello, then the sentinel")
                .rfc("RFC 9112 §7.1", MUST_PARSE)
                .requires(Capability.PIPELINING, Capability.ECHO_FIXTURE)
                .probe(withSentinel(tePost("chunked") + HELLO_CHUNKED + S))
                .pass(sentinelAnswered(2).and(Expect.echo("body \"hello\"", v -> "hello".equals(v.body()))))
                .hint("Decode chunked request bodies: size line, data, CRLF, until the last chunk and its trailer section.")
                .build());
        String[][] valid = {
                {"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world", "two chunks"},
                {"A\r\n0123456789\r\n0\r\n\r\n", "0123456789", "an upper-case hex size A"},
                {"0005\r\nhello\r\n0\r\n\r\n", "hello", "a size with leading zeros, 0005"},
                {"5\r\nhello\r\n000\r\n\r\n", "hello", "the last chunk written 000"}};
        for (int i = 0; i < valid.length; i++) {
            // RFC 9112 §7.1: chunk-size = 1*HEXDIG; last-chunk = 1*("0") [ chunk-ext ] CRLF
            cases.add(Case.of("9112-6.1/02" + letter(i), "TE-02", Level.MUST, "chunked body with " + valid[i][2])
                    .rfc("RFC 9112 §7.1", MUST_PARSE)
                    .probe(refusalWatched(tePost("chunked") + valid[i][0]))
                    .pass(answeredWithBody(valid[i][1]))
                    .hint("chunk-size is 1*HEXDIG, either case, leading zeros allowed; the last chunk is 1*\"0\".")
                    .build());
        }
        cases.add(Case.of("9112-6.1/03", "TE-03", Level.MUST, "chunked body with only the last chunk")
                .rfc("RFC 9112 §7.1", MUST_PARSE)
                .probe(refusalWatched(tePost("chunked") + "0\r\n\r\n"))
                .pass(answeredWithBody(""))
                .build());
        String[] cases04 = {"Chunked", "CHUNKED"};
        for (int i = 0; i < cases04.length; i++) {
            // RFC 9112 §7: "All transfer-coding names are case-insensitive".
            cases.add(Case.of("9112-6.1/04" + letter(i), "TE-04", Level.MUST,
                            "Transfer-Encoding: " + cases04[i] + ", then the sentinel")
                    .rfc("RFC 9112 §7", "All transfer-coding names are case-insensitive and ought to be registered "
                            + "within the HTTP Transfer Coding registry")
                    .requires(Capability.PIPELINING)
                    .probe(withSentinel(tePost(cases04[i]) + HELLO_CHUNKED + S))
                    .pass(framedAsChunked())
                    .hint("Compare transfer-coding names case-insensitively.")
                    .build());
        }
        String[][] lists = {{",chunked", "a leading comma"}, {"chunked,", "a trailing comma"}, {", chunked", "a leading \", \""}};
        for (int i = 0; i < lists.length; i++) {
            cases.add(Case.of("9112-6.1/05" + letter(i), "TE-05", Level.MUST,
                            "Transfer-Encoding: " + lists[i][0] + " (" + lists[i][1] + "), then the sentinel")
                    .rfc("RFC 9110 §5.6.1.2", "A recipient MUST parse and ignore a reasonable number of empty list "
                            + "elements")
                    .requires(Capability.PIPELINING)
                    .probe(withSentinel(tePost(lists[i][0]) + HELLO_CHUNKED + S))
                    .pass(framedAsChunked())
                    .nonStrict(Expect.statusThenClose(400))
                    .hint("Split Transfer-Encoding on commas and skip empty elements.")
                    .build());
        }
        String[][] ows = {{"Transfer-Encoding: chunked \r\n", "with a trailing space"},
                {"Transfer-Encoding:\tchunked\r\n", "after a tab"}};
        for (int i = 0; i < ows.length; i++) {
            cases.add(Case.of("9112-6.1/06" + letter(i), "TE-06", Level.MUST,
                            "Transfer-Encoding: chunked " + ows[i][1] + ", then the sentinel")
                    .rfc("RFC 9112 §5.1", "OWS occurring before the first non-whitespace octet of the field line value, "
                            + "or after the last non-whitespace octet of the field line value, is excluded by parsers when "
                            + "extracting the field line value from a field line.")
                    .requires(Capability.PIPELINING)
                    .probe(withSentinel(P + ows[i][0] + "\r\n" + HELLO_CHUNKED + S))
                    .pass(framedAsChunked())
                    .nonStrict(Expect.statusThenClose(400))
                    .hint("Trim SP and HTAB around the field value before comparing it with chunked.")
                    .build());
        }
        // RFC 9112 §6.1: "A server that receives a request message with a transfer coding it does
        // not understand SHOULD respond with 501 (Not Implemented)." §6.3 makes it 400 and close
        // when chunked is not final; the catalogue prefers 400 and takes 501✕ as NON-STRICT.
        cases.add(notFinal("9112-6.1/07", "TE-07", "Transfer-Encoding: gzip, no chunked, no Content-Length",
                tePost("gzip"), true));
        cases.add(notFinal("9112-6.1/08", "TE-08", "Transfer-Encoding: identity (removed from HTTP/1.1)",
                tePost("identity"), true));
        String[] notLast = {"chunked, gzip", "chunked, identity"};
        for (int i = 0; i < notLast.length; i++) {
            cases.add(notFinal("9112-6.1/09" + letter(i), "TE-09", "Transfer-Encoding: " + notLast[i] + " (chunked not last)",
                    tePost(notLast[i]) + HELLO_CHUNKED, true));
        }
        for (int i = 0; i < LOOKALIKES.size(); i++) {
            String[] v = LOOKALIKES.get(i);
            Case.Builder b = Case.of("9112-6.1/10" + letter(i), "TE-10", Level.MUST,
                            "Transfer-Encoding: " + escaped(v[0]) + " (" + v[1] + ")")
                    .rfc("RFC 9112 §6.3", NOT_FINAL)
                    .probe(refusalWatched(tePost(v[0]) + HELLO_CHUNKED))
                    .pass(Expect.statusThenClose(400))
                    .nonStrict(Expect.statusThenClose(501))
                    .hint("Only the token chunked (any case) is chunked: no substring match, no stripping of other bytes.");
            if (v[0].indexOf('\u0000') >= 0 || v[0].indexOf('\r') >= 0) {
                // RFC 9110 §5.5 and RFC 9112 §2.2 let a recipient replace a NUL or a bare CR with SP,
                // which leaves "chunked " and so chunked: stricter than the row would be stricter than the RFC.
                b.nonStrict(answeredWithBody("hello"));
            }
            cases.add(b.build());
        }
        // RFC 9112 §6.1: "A sender MUST NOT apply the chunked transfer coding more than once to a
        // message body". The catalogue accepts reading the two lines as one chunked (NON-STRICT).
        cases.add(Case.of("9112-6.1/11", "TE-11", Level.MUST, "two Transfer-Encoding: chunked lines, then the sentinel")
                .rfc("RFC 9112 §6.1", "A sender MUST NOT apply the chunked transfer coding more than once to a message "
                        + "body (i.e., chunking an already chunked message is not allowed).")
                .requires(Capability.PIPELINING)
                .probe(withSentinel(P + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + HELLO_CHUNKED + S))
                .pass(Expect.statusThenClose(400))
                .nonStrict(framedAsChunked())
                .hint("chunked twice is an error: answer 400 and close; never read it as no body.")
                .build());
        // RFC 9112 §7.1: "The chunked coding does not define any parameters. Their presence SHOULD
        // be treated as an error."
        cases.add(Case.of("9112-6.1/12", "TE-12", Level.SHOULD, "Transfer-Encoding: chunked;foo=bar (a parameter)")
                .rfc("RFC 9112 §7.1", "The chunked coding does not define any parameters. Their presence SHOULD be "
                        + "treated as an error.")
                .probe(refusalWatched(tePost("chunked;foo=bar") + HELLO_CHUNKED))
                .pass(Expect.statusThenClose(400, 501))
                .nonStrict(answeredWithBody("hello"))
                .build());
        cases.add(Case.of("9112-6.1/13", "TE-13", Level.MUST,
                        "HTTP/1.0 POST with Transfer-Encoding: chunked and Content-Length: 5, then the sentinel")
                .rfc("RFC 9112 §6.1", "A server or client that receives an HTTP/1.0 message containing a "
                        + "Transfer-Encoding header field MUST treat the message as if the framing is faulty, even if a "
                        + "Content-Length is present, and close the connection after processing the message.")
                .requires(Capability.PIPELINING)
                .probe(withSentinel("POST / HTTP/1.0\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 5\r\n\r\n0\r\n\r\n" + S))
                .pass(Expect.statusThenClose(400))
                .nonStrict(Expect.responsesThenClose(1))
                .hint("Transfer-Encoding in an HTTP/1.0 request means faulty framing: answer 400 and close.")
                .build());
        // Transfer-Encoding = #transfer-coding: an empty value has no coding, so chunked is not final.
        cases.add(notFinal("9112-6.1/14", "TE-14", "Transfer-Encoding with an empty value",
                P + "Transfer-Encoding:\r\n\r\n", false));
        // Level: the row has none ("—"). Transfer_Encoding is another field, so Content-Length
        // frames the body (§6.3); misreading it is a smuggling risk, not a broken keyword: HARDENING.
        cases.add(Case.of("9112-6.1/15", "TE-15", Level.HARDENING,
                        "Transfer_Encoding: chunked (underscore) and Content-Length: 5, then the sentinel")
                .rfc("RFC 9112 §6.3", Rfc9112Section6_2ContentLength.VALID)
                .requires(Capability.PIPELINING)
                .probe(withSentinel(P + "Transfer_Encoding: chunked\r\nContent-Length: 5\r\n\r\nhello" + S))
                .pass(sentinelAnswered(2).and(answeredWithBody("hello")))
                .nonStrict(Expect.statusThenClose(400))
                .hint("Only Transfer-Encoding (any case) is Transfer-Encoding; Transfer_Encoding is an unrelated field.")
                .build());
        // RFC 9112 §5.1: "A server MUST reject, with a response status code of 400 (Bad Request), any
        // received request message that contains whitespace between a header field name and colon."
        cases.add(Case.of("9112-6.1/16", "TE-16", Level.MUST, "Transfer-Encoding : chunked (space before the colon)")
                .rfc("RFC 9112 §5.1", "A server MUST reject, with a response status code of 400 (Bad Request), any "
                        + "received request message that contains whitespace between a header field name and colon.")
                .probe(refusalWatched(P + "Transfer-Encoding : chunked\r\n\r\n" + HELLO_CHUNKED))
                .pass(Expect.status(400))
                .nonStrict(Expect.closeWithoutResponse())
                .hint("Refuse whitespace between a field name and its colon with 400.")
                .build());
        return List.copyOf(cases);
    }

    /** {P} with {@code Transfer-Encoding: <value>} and the blank line. */
    static String tePost(String value) {
        return P + "Transfer-Encoding: " + value + "\r\n\r\n";
    }

    /** Framed as chunked: the POST answered with hello, then the sentinel. */
    static Expectation framedAsChunked() {
        return sentinelAnswered(2).and(answeredWithBody("hello"));
    }

    /** Transfer-Encoding without chunked as the final coding: 400✕, and 501✕ as NON-STRICT where allowed. */
    private static Case notFinal(String id, String ref, String title, String text, boolean allow501) {
        Case.Builder b = Case.of(id, ref, Level.MUST, title)
                .rfc("RFC 9112 §6.3", NOT_FINAL)
                .probe(refusalWatched(text))
                .pass(Expect.statusThenClose(400))
                .hint(NOT_FINAL_HINT);
        if (allow501) {
            b.nonStrict(Expect.statusThenClose(501));
        }
        return b.build();
    }
}
