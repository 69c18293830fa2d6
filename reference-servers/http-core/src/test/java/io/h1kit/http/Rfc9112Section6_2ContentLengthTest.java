package io.h1kit.http;

import static io.h1kit.http.Fixture.G;
import static io.h1kit.http.Fixture.Msg.g;
import static io.h1kit.http.Fixture.Msg.p;
import static io.h1kit.http.Fixture.Msg.request;
import static io.h1kit.http.Fixture.Msg.s;
import static io.h1kit.http.Fixture.P;
import static io.h1kit.http.Fixture.S;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.incomplete;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static io.h1kit.http.Status.CONTENT_TOO_LARGE_413;

import java.util.stream.Stream;

/**
 * RFC 9112 §6.2 and §6.3, bodies framed by Content-Length, through the parser: catalogue rows
 * CL-01 to CL-15. The sentinel request after each body shows where the parser ended it.
 */
class Rfc9112Section6_2ContentLengthTest extends ParserFixtureTest {

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                accept("CL-01", "Content-Length: 5, then the sentinel", P + "Content-Length: 5\r\n\r\nhello" + S,
                        p().field("Content-Length", "5").length(5).body("hello"), s()),
                accept("CL-02", "Content-Length: 0, then the sentinel", P + "Content-Length: 0\r\n\r\n" + S,
                        p().field("Content-Length", "0"), s()),
                // RFC 9112 §6.3 rule 7: a request with neither field has no body, so XYZ is the next
                // request-line, and not a valid one.
                reject("CL-03", "no framing fields, junk after the head", P + "\r\nXYZ\r\n\r\n", BAD_REQUEST_400, p()),
                reject("CL-04", "two different Content-Length lines",
                        P + "Content-Length: 1\r\nContent-Length: 0\r\n\r\nA" + S, BAD_REQUEST_400),
                accept("CL-05", "Content-Length: 5 twice", P + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello" + S,
                        p().field("Content-Length", "5").field("Content-Length", "5").length(5).body("hello"), s()),
                accept("CL-05/list", "Content-Length: 5, 5", P + "Content-Length: 5, 5\r\n\r\nhello" + S,
                        p().field("Content-Length", "5, 5").length(5).body("hello"), s()),
                reject("CL-06", "Content-Length: 5, 6", P + "Content-Length: 5, 6\r\n\r\nhello" + S, BAD_REQUEST_400),
                reject("CL-07/plus", "Content-Length: +5", P + "Content-Length: +5\r\n\r\nhello" + S, BAD_REQUEST_400),
                reject("CL-07/minus", "Content-Length: -1", P + "Content-Length: -1\r\n\r\n" + S, BAD_REQUEST_400),
                reject("CL-07/hex", "Content-Length: 0x5", P + "Content-Length: 0x5\r\n\r\nhello" + S, BAD_REQUEST_400),
                reject("CL-07/inner-sp", "Content-Length: 1 0", P + "Content-Length: 1 0\r\n\r\n0123456789" + S,
                        BAD_REQUEST_400),
                reject("CL-08", "empty Content-Length", P + "Content-Length:\r\n\r\n" + S, BAD_REQUEST_400),
                reject("CL-08/then-43", "empty Content-Length, then Content-Length: 43",
                        P + "Content-Length:\r\nContent-Length: 43\r\n\r\n" + S, BAD_REQUEST_400),
                accept("CL-09", "Content-Length: 010 reads ten bytes", P + "Content-Length: 010\r\n\r\n0123456789" + S,
                        p().field("Content-Length", "010").length(10).body("0123456789"), s()),
                reject("CL-10", "Content-Length above 2^64", P + "Content-Length: 99999999999999999999\r\n\r\n",
                        CONTENT_TOO_LARGE_413),
                reject("CL-11", "Content-Length: 999999999 and no body", P + "Content-Length: 999999999\r\n\r\n",
                        CONTENT_TOO_LARGE_413),
                // RFC 9112 §6.3: "the recipient MUST consider the message to be incomplete".
                incomplete("CL-12", "Content-Length: 10 and 5 bytes", P + "Content-Length: 10\r\n\r\nhello",
                        p().field("Content-Length", "10").length(10).body("hello").partial()),
                incomplete("CL-12/head-only", "Content-Length: 10 and no body yet", P + "Content-Length: 10\r\n\r\n",
                        p().field("Content-Length", "10").length(10).partial()),
                accept("CL-13/trailing-sp", "Content-Length: 5 with a trailing SP", P + "Content-Length: 5 \r\n\r\nhello" + S,
                        p().field("Content-Length", "5").length(5).body("hello"), s()),
                accept("CL-13/htab", "Content-Length with HTAB before the value", P + "Content-Length:\t5\r\n\r\nhello" + S,
                        p().field("Content-Length", "5").length(5).body("hello"), s()),
                // RFC 9112 §6: "Request message framing is independent of method semantics".
                accept("CL-14", "GET with a body", G + "Content-Length: 5\r\n\r\nhello" + S,
                        g().field("Content-Length", "5").length(5).body("hello"), s()),
                // RFC 9110 §17.10: Content_Length does not frame; hello becomes part of the next request-line.
                accept("CL-15", "Content_Length with an underscore", P + "Content_Length: 5\r\n\r\nhello" + S,
                        p().field("Content_Length", "5"), request("helloGET", "/__s?n=1").field("Host", "t")),
                // RFC 9112 §9.3: the body of a request is read whatever the response will be.
                accept("CONN-16", "a body that looks like a request", "POST /nonexistent HTTP/1.1\r\nHost: t\r\n"
                                + "Content-Length: 11\r\n\r\nGET /x HTTP" + S,
                        request("POST", "/nonexistent").field("Host", "t").field("Content-Length", "11").length(11)
                                .body("GET /x HTTP"), s()),
                accept("CL-01/binary", "a body holding CR, LF, NUL and high bytes",
                        P + "Content-Length: 8\r\n\r\n\r\n\0\u00ff\r\r\n\n" + S,
                        p().field("Content-Length", "8").length(8).body("\r\n\0\u00ff\r\r\n\n"), s()),
                accept("LIM-08/at-limit", "body of exactly maxBodyBytes", P + "Content-Length: 5\r\n\r\nhello",
                        p().field("Content-Length", "5").length(5).body("hello")).with(TestLimits.body(5)),
                reject("LIM-08", "body one byte over maxBodyBytes", P + "Content-Length: 6\r\n\r\nhello!",
                        CONTENT_TOO_LARGE_413).with(TestLimits.body(5)));
    }
}
