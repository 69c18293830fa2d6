package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Read;

import java.util.ArrayList;
import java.util.List;

import static io.h1kit.conformance.cases.FramingOracles.answeredWithBody;
import static io.h1kit.conformance.cases.Requests.refusalWatched;
import static io.h1kit.conformance.cases.FramingOracles.echoBodyIfAny;
import static io.h1kit.conformance.cases.FramingOracles.echoBodyIs;
import static io.h1kit.conformance.cases.FramingOracles.escaped;
import static io.h1kit.conformance.cases.FramingOracles.gaveUp;
import static io.h1kit.conformance.cases.FramingOracles.isAnswer;
import static io.h1kit.conformance.cases.FramingOracles.isSentinel;
import static io.h1kit.conformance.cases.FramingOracles.letter;
import static io.h1kit.conformance.cases.FramingOracles.sentinelAnswered;
import static io.h1kit.conformance.cases.FramingOracles.withSentinel;
import static io.h1kit.conformance.cases.Requests.G;
import static io.h1kit.conformance.cases.Requests.P;
import static io.h1kit.conformance.cases.Requests.S;

/**
 * Content-Length framing (RFC 9112 §6.2, §6.3; RFC 9110 §8.6): the CL rows. The sentinel shows
 * how many octets the server took as the body; /echo, where the row needs it, shows which.
 */
public final class Rfc9112Section6_2ContentLength implements CaseSource {
    static final String INVALID = "If the unrecoverable error is in a request message, the server MUST respond with a "
            + "400 (Bad Request) status code and then close the connection.";
    static final String VALID = "If a valid Content-Length header field is present without Transfer-Encoding, its "
            + "decimal value defines the expected message body length in octets.";
    private static final String INVALID_HINT = "Parse Content-Length as 1*DIGIT by hand (no strtol, atoi or parseInt: "
            + "they take signs, spaces, prefixes and bases), answer 400 to anything else, and close the connection.";

    /** CL-07: values that are not 1*DIGIT, each something a library parser has accepted. */
    private static final List<String[]> NOT_DIGITS = List.of(
            new String[] {"abc", "letters"},
            new String[] {"1Z", "a digit then a letter: longest-prefix parsers read 1"},
            new String[] {"+5", "a plus sign"},
            new String[] {"-1", "a negative number"},
            new String[] {"-0", "minus zero"},
            new String[] {"0x5", "a hex prefix"},
            new String[] {"1_0", "an underscore between digits"},
            new String[] {"1 0", "a space between digits"},
            new String[] {"5.0", "a decimal point"},
            new String[] {"0o5", "an octal prefix"});

    @Override
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // RFC 9112 §6.3: "If a valid Content-Length header field is present without Transfer-Encoding,
        // its decimal value defines the expected message body length in octets."
        cases.add(Case.of("9112-6.2/01", "CL-01", Level.MUST, "POST with Content-Length: 5 and hello, then the sentinel")
                .rfc("RFC 9112 §6.3", VALID)
                .requires(Capability.PIPELINING, Capability.ECHO_FIXTURE)
                .probe(withSentinel(P + "Content-Length: 5\r\n\r\nhello" + S))
                .pass(sentinelAnswered(2).and(Expect.echo("body \"hello\"", v -> "hello".equals(v.body()))))
                .hint("Read exactly Content-Length octets as the body; the next request starts right after them.")
                .build());
        cases.add(Case.of("9112-6.2/02", "CL-02", Level.MUST, "POST with Content-Length: 0, then the sentinel")
                .rfc("RFC 9112 §6.3", VALID)
                .requires(Capability.PIPELINING)
                .probe(withSentinel(P + "Content-Length: 0\r\n\r\n" + S))
                .pass(sentinelAnswered(2).and(echoBodyIfAny(0, "")))
                .hint("Content-Length: 0 means no body: the next octet starts the next request.")
                .build());
        // RFC 9112 §6.3: "If this is a request message and none of the above are true, then the
        // message body length is zero (no message body is present)." XYZ is then a request-line,
        // an invalid one, and §2.2 says the server "SHOULD respond with a 400 (Bad Request)
        // response and close the connection".
        cases.add(Case.of("9112-6.2/03", "CL-03", Level.MUST, "POST with neither Content-Length nor Transfer-Encoding, then XYZ")
                .rfc("RFC 9112 §6.3", "If this is a request message and none of the above are true, then the message "
                        + "body length is zero (no message body is present).")
                .requires(Capability.PIPELINING)
                .sends(P + "\r\nXYZ\r\n\r\n", Read.responses(2))
                .pass(Expect.thatWithClose("the POST answered with no body, then 400 for XYZ, then close",
                        o -> emptyPostAnswered(o) && o.count() == 2 && o.response(1).status() == 400 && o.close().closed()))
                .nonStrict(Expect.thatWithClose("the POST answered with no body, then another error for XYZ or a "
                        + "close without one", o -> emptyPostAnswered(o)
                        && (o.count() == 2 && o.response(1).status() >= 400 || o.count() == 1 && o.close().closed())))
                // RFC 9112 §6.3: "A server MAY reject a request that contains a message body but not a
                // Content-Length by responding with 411 (Length Required)."
                .nonStrict(Expect.status(411))
                .hint("A request with neither Content-Length nor Transfer-Encoding has no body: do not read until close.")
                .build());
        cases.add(Case.of("9112-6.2/04", "CL-04", Level.MUST, "Content-Length: 1 and Content-Length: 0 on two lines")
                .rfc("RFC 9112 §6.3", INVALID)
                .probe(refusalWatched(P + "Content-Length: 1\r\nContent-Length: 0\r\n\r\nX"))
                .pass(Expect.statusThenClose(400))
                .hint("Values that disagree make the framing unknown: answer 400 and close.")
                .build());
        // RFC 9110 §8.6: "a recipient of a Content-Length header field value consisting of the same
        // decimal value repeated as a comma-separated list (e.g, "Content-Length: 42, 42") MAY either
        // reject the message as invalid or replace that invalid field value with a single instance of
        // the decimal value".
        String[][] repeated = {{"Content-Length: 5\r\nContent-Length: 5\r\n", "Content-Length: 5 on two lines"},
                {"Content-Length: 5, 5\r\n", "Content-Length: 5, 5"}};
        for (int i = 0; i < repeated.length; i++) {
            cases.add(Case.of("9112-6.2/05" + letter(i), "CL-05", Level.MAY, repeated[i][1] + " with hello, then the sentinel")
                    .rfc("RFC 9110 §8.6", "a recipient of a Content-Length header field value consisting of the same "
                            + "decimal value repeated as a comma-separated list (e.g, \"Content-Length: 42, 42\") MAY either "
                            + "reject the message as invalid or replace that invalid field value with a single instance "
                            + "of the decimal value")
                    .requires(Capability.PIPELINING)
                    .probe(withSentinel(P + repeated[i][0] + "\r\nhello" + S))
                    .pass(Expect.statusThenClose(400))
                    .pass(sentinelAnswered(2).and(echoBodyIfAny(0, "hello")))
                    .build());
        }
        cases.add(Case.of("9112-6.2/06", "CL-06", Level.MUST, "Content-Length: 5, 6")
                .rfc("RFC 9112 §6.3", INVALID)
                .probe(refusalWatched(P + "Content-Length: 5, 6\r\n\r\nhello!"))
                .pass(Expect.statusThenClose(400))
                .hint("A list of Content-Length values is acceptable only when all are the same; else 400 and close.")
                .build());
        for (int i = 0; i < NOT_DIGITS.size(); i++) {
            String[] v = NOT_DIGITS.get(i);
            cases.add(Case.of("9112-6.2/07" + letter(i), "CL-07", Level.MUST, "Content-Length: " + v[0] + " (" + v[1] + ")")
                    .rfc("RFC 9110 §8.6; RFC 9112 §6.3", "Content-Length = 1*DIGIT. " + INVALID)
                    .probe(refusalWatched(P + "Content-Length: " + v[0] + "\r\n\r\nhello"))
                    .pass(Expect.statusThenClose(400))
                    .hint(INVALID_HINT)
                    .build());
        }
        cases.add(Case.of("9112-6.2/08a", "CL-08", Level.MUST, "Content-Length with an empty value")
                .rfc("RFC 9112 §6.3", INVALID)
                .probe(refusalWatched(P + "Content-Length:\r\n\r\n"))
                .pass(Expect.statusThenClose(400))
                .hint("An empty Content-Length is invalid, not 0: answer 400 and close.")
                .build());
        cases.add(Case.of("9112-6.2/08b", "CL-08", Level.MUST, "an empty Content-Length, then Content-Length: 43 and 43 octets")
                .rfc("RFC 9112 §6.3", INVALID)
                .probe(refusalWatched(P + "Content-Length:\r\nContent-Length: 43\r\n\r\n" + "x".repeat(43)))
                .pass(Expect.statusThenClose(400))
                .hint("An empty line among Content-Length lines makes the whole field invalid: 400 and close.")
                .build());
        cases.add(Case.of("9112-6.2/09", "CL-09", Level.MUST, "Content-Length: 010 with 10 octets, then the sentinel")
                .rfc("RFC 9110 §8.6", "Content-Length = 1*DIGIT")
                .requires(Capability.PIPELINING)
                .probe(withSentinel(P + "Content-Length: 010\r\n\r\n0123456789" + S))
                .pass(sentinelAnswered(2).and(echoBodyIfAny(0, "0123456789")))
                .nonStrict(Expect.status(400))
                .hint("Content-Length is decimal: leading zeros do not make it octal (strtol with base 0 does).")
                .build());
        // RFC 9110 §8.6: "a recipient MUST anticipate potentially large decimal numerals and prevent
        // parsing errors due to integer conversion overflows or precision loss due to integer
        // representation".
        cases.add(Case.of("9112-6.2/10", "CL-10", Level.MUST, "Content-Length: 99999999999999999999 (above 2^64)")
                .rfc("RFC 9110 §8.6", "a recipient MUST anticipate potentially large decimal numerals and prevent parsing "
                        + "errors due to integer conversion overflows or precision loss due to integer representation")
                .probe(refusalWatched(P + "Content-Length: 99999999999999999999\r\n\r\n"))
                .pass(Expect.statusThenClose(400, 413))
                .hint("Guard each digit against overflow (value > (MAX - d) / 10) and refuse with 413 or 400.")
                .build());
        // Hardening: a server that waits for 999999999 octets must neither pre-allocate them nor
        // wait forever. 400 then close is the catalogue's "safe alternative" (NON-STRICT).
        cases.add(Case.of("9112-6.2/11", "CL-11", Level.HARDENING, "Content-Length: 999999999 and no body")
                .rfc("RFC 9110 §15.5.14", "The 413 (Content Too Large) status code indicates that the server is refusing "
                        + "to process a request because the request content is larger than the server is willing or able "
                        + "to process.")
                .slow()
                .probe(ctx -> ctx.exchange(P + "Content-Length: 999999999\r\n\r\n",
                        Read.responses(1).timeout(ctx.budgets().serverTimeout())
                                .closeWithin(ctx.budgets().serverTimeout())))
                .pass(Expect.statusThenClose(413))
                .nonStrict(Expect.closeWithoutResponse().or(Expect.statusThenClose(408)).or(Expect.statusThenClose(400)))
                .hint("Compare Content-Length with the body limit as soon as the head is read, answer 413, close.")
                .build());
        // RFC 9112 §6.3: "If the sender closes the connection or the recipient times out before the
        // indicated number of octets are received, the recipient MUST consider the message to be
        // incomplete and close the connection." §8: the server "MAY send an error response prior to
        // closing the connection".
        cases.add(Case.of("9112-6.2/12", "CL-12", Level.MUST, "Content-Length: 10 and only 5 octets, then silence")
                .rfc("RFC 9112 §6.3", "If the sender closes the connection or the recipient times out before the "
                        + "indicated number of octets are received, the recipient MUST consider the message to be "
                        + "incomplete and close the connection.")
                .slow()
                .probe(ctx -> ctx.exchange(P + "Content-Length: 10\r\n\r\nhello",
                        Read.responses(1).timeout(ctx.budgets().serverTimeout())
                                .closeWithin(ctx.budgets().serverTimeout())))
                .pass(gaveUp())
                .hint("Time out an incomplete body (a body timeout), then close; a 408 first is allowed.")
                .build());
        String[][] ows = {{"Content-Length: 5 \r\n", "Content-Length: 5 with a trailing space"},
                {"Content-Length:\t5\r\n", "Content-Length: 5 after a tab"}};
        for (int i = 0; i < ows.length; i++) {
            // RFC 9112 §5.1: OWS "is excluded by parsers when extracting the field line value".
            cases.add(Case.of("9112-6.2/13" + letter(i), "CL-13", Level.MUST, escaped(ows[i][1]))
                    .rfc("RFC 9112 §5.1", "OWS occurring before the first non-whitespace octet of the field line value, "
                            + "or after the last non-whitespace octet of the field line value, is excluded by parsers when "
                            + "extracting the field line value from a field line.")
                    .probe(refusalWatched(P + ows[i][0] + "\r\nhello"))
                    .pass(answeredWithBody("hello"))
                    .nonStrict(Expect.status(400))
                    .hint("Trim SP and HTAB around a field value before parsing it.")
                    .build());
        }
        // RFC 9112 §6: "Request message framing is independent of method semantics."
        cases.add(Case.of("9112-6.2/14", "CL-14", Level.MUST, "GET with Content-Length: 5 and hello, then the sentinel")
                .rfc("RFC 9112 §6", "Request message framing is independent of method semantics.")
                .requires(Capability.PIPELINING)
                .probe(withSentinel(G + "Content-Length: 5\r\n\r\nhello" + S))
                .pass(sentinelAnswered(2).and(Expect.success()))
                .nonStrict(Expect.statusThenClose(400))
                .hint("Read (or refuse and close) a body on GET too; never parse it as the next request.")
                .build());
        // Level: the row has none ("—"). Content_Length is another field, so the request has no
        // body (§6.3); framing by it is a smuggling risk, not a broken keyword: HARDENING.
        cases.add(Case.of("9112-6.2/15", "CL-15", Level.HARDENING, "Content_Length: 5 (underscore) and hello, then the sentinel")
                .rfc("RFC 9110 §17.10", "a received \"Content_Length\" header field would be passed as the protocol-specific "
                        + "meta-variable \"HTTP_CONTENT_LENGTH\", which might lead to some confusion")
                .requires(Capability.PIPELINING)
                .probe(withSentinel(P + "Content_Length: 5\r\n\r\nhello" + S))
                .pass(Expect.that("the POST answered with no body, then an error for helloGET /__s… (not the sentinel's answer)",
                        o -> emptyPostAnswered(o) && o.count() == 2 && o.response(1).status() >= 400 && !isSentinel(o, 1)))
                .nonStrict(Expect.statusThenClose(400))
                .nonStrict(Expect.thatWithClose("the POST answered with no body, then a close",
                        o -> emptyPostAnswered(o) && o.count() == 1 && o.close().closed()))
                .hint("Only Content-Length (any case) frames a body; Content_Length is an unrelated field.")
                .build());
        return List.copyOf(cases);
    }

    /** The first response answers the POST, and /echo (where it answered) read no body. */
    private static boolean emptyPostAnswered(Observation o) {
        return isAnswer(o.first()) && echoBodyIs(o, 0, "");
    }
}
