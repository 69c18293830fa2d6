package io.h1kit.http;

import static io.h1kit.http.Fixture.G;
import static io.h1kit.http.Fixture.Msg.g;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.incomplete;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static io.h1kit.http.Status.HTTP_VERSION_NOT_SUPPORTED_505;
import static io.h1kit.http.Status.URI_TOO_LONG_414;

import java.util.Random;
import java.util.stream.Stream;

/** RFC 9112 §2.2 message parsing and line endings: catalogue rows MSG-01 to MSG-10. */
class Rfc9112Section2_2MessageParsingTest extends ParserFixtureTest {

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                // RFC 9112 §2.2: "a server that is expecting to receive and parse a request-line SHOULD
                // ignore at least one empty line (CRLF) received prior to the request-line."
                accept("MSG-01", "one CRLF before the request-line", "\r\n" + G + "\r\n", g()),
                accept("MSG-02", "four CRLFs before the request-line", "\r\n\r\n\r\n\r\n" + G + "\r\n", g()),
                accept("9112-2.2/empty-lines-only", "empty lines and nothing more", "\r\n\r\n\r\n"),
                accept("9112-2.2/nothing", "no bytes at all", ""),
                // Empty lines are bounded by the request-line limit (a CRLF flood is still a long line).
                reject("9112-2.2/empty-line-flood", "empty lines past the request-line limit",
                        "\r\n".repeat(10) + G + "\r\n", URI_TOO_LONG_414).with(TestLimits.requestLine(30)),

                // RFC 9112 §2.2: "a recipient MAY recognize a single LF as a line terminator"; this
                // parser is strict and does not.
                reject("MSG-03", "bare LF after the request-line", "GET / HTTP/1.1\nHost: t\r\n\r\n", BAD_REQUEST_400),
                reject("MSG-04/field", "bare LF ending a field line", G + "X: y\n\r\n", BAD_REQUEST_400),
                reject("MSG-04/end", "bare LF ending the header section", G + "\n", BAD_REQUEST_400),
                reject("MSG-04/leading", "bare LF as a leading empty line", "\n" + G + "\r\n", BAD_REQUEST_400),
                reject("SMUG-08", "empty field value ended by bare LF, then a bare LF",
                        G + "Useless:\n\nGET /x HTTP/1.1\r\n\r\n", BAD_REQUEST_400),

                // RFC 9112 §2.2: "A recipient of such a bare CR MUST consider that element to be
                // invalid or replace each bare CR with SP before processing the element".
                reject("MSG-05", "bare CR as a line terminator", "GET / HTTP/1.1\rHost: t\r\n\r\n", BAD_REQUEST_400),
                reject("MSG-06", "bare CR inside a field value", G + "X: a\rb\r\n\r\n", BAD_REQUEST_400),
                reject("MSG-06/cr-cr-lf", "CR CR LF ending a field line", G + "X: a\r\r\n\r\n", BAD_REQUEST_400),
                reject("MSG-06/leading", "bare CR as a leading empty line", "\r" + G + "\r\n", BAD_REQUEST_400),
                incomplete("9112-2.2/lone-cr", "a CR still waiting for its LF", "\r"),
                incomplete("9112-2.2/cr-after-fields", "header section ending in CR", G + "\r"),
                incomplete("9112-2.2/no-blank-line", "header section without its blank line", G),

                // RFC 9112 §2.2: "A recipient that receives whitespace between the start-line and the
                // first header field MUST either reject the message as invalid or consume each
                // whitespace-preceded line without further processing of it".
                reject("MSG-07", "SP-led line right after the request-line",
                        "GET / HTTP/1.1\r\n X: y\r\nHost: t\r\n\r\n", BAD_REQUEST_400),
                reject("MSG-07/htab", "HTAB-led line right after the request-line",
                        "GET / HTTP/1.1\r\n\tX: y\r\nHost: t\r\n\r\n", BAD_REQUEST_400),

                reject("MSG-08", "256 random bytes, NUL included", randomBytes(), BAD_REQUEST_400),
                reject("MSG-08/nul-first", "NUL before the request-line", "\0" + G + "\r\n", BAD_REQUEST_400),
                reject("MSG-08/tls", "a TLS ClientHello", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003",
                        BAD_REQUEST_400),
                reject("MSG-09", "a response sent as a request", "HTTP/1.1 200 OK\r\n\r\n", BAD_REQUEST_400),
                // RFC 9110 §6.2: a server can send a 505 when it does not support the major version.
                reject("MSG-10", "the HTTP/2 connection preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                        HTTP_VERSION_NOT_SUPPORTED_505));
    }

    /** 256 bytes from a fixed seed, with a NUL at offset 3 (so that it is rejected early). */
    private static String randomBytes() {
        byte[] bytes = new byte[256];
        new Random(8).nextBytes(bytes);
        bytes[3] = 0;
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
