package io.h1kit.http;

import static io.h1kit.http.Fixture.G;
import static io.h1kit.http.Fixture.Msg.g;
import static io.h1kit.http.Fixture.Msg.request;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static io.h1kit.http.Status.NOT_IMPLEMENTED_501;
import static io.h1kit.http.Status.URI_TOO_LONG_414;

import java.util.stream.Stream;

/** RFC 9112 §3 and §3.1, the request-line and the method: catalogue rows RL-01 to RL-14. */
class Rfc9112Section3RequestLineTest extends ParserFixtureTest {

    private static final String HOST = "\r\nHost: t\r\n\r\n";

    @Override
    Stream<Fixture> fixtures() {
        int max = HttpLimits.MAX_REQUEST_LINE_BYTES;
        // The limit counts the request-line without its CRLF: "GET " + target + " HTTP/1.1" is 13
        // bytes plus the target.
        String longestTarget = "/" + "a".repeat(max - 13 - 1);
        return Stream.of(
                accept("RL-01", "the baseline GET", G + "\r\n", g()),

                // RFC 9112 §3: request-line = method SP request-target SP HTTP-version. "Recipients of
                // an invalid request-line SHOULD respond with ... 400 (Bad Request)".
                reject("RL-02", "two SPs after the method", "GET  / HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-02/before-version", "two SPs before the version", "GET /  HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-03/htab", "HTAB between method and target", "GET\t/ HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-03/vt", "VT between method and target", "GET\u000b/ HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-03/ff", "FF between method and target", "GET\f/ HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-03/cr", "bare CR between method and target", "GET\r/ HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-03/htab-version", "HTAB before the version", "GET /\tHTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-04", "SP after the version", "GET / HTTP/1.1 " + HOST, BAD_REQUEST_400),
                reject("RL-05", "empty method", " / HTTP/1.1" + HOST, BAD_REQUEST_400),

                // RFC 9112 §3.1: method = token.
                reject("RL-06/paren", "method G(T", "G(T / HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-06/nul", "NUL after the method", "GET\0 / HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-06/sp", "SP inside the method", "G ET / HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-06/delimiters", "method of delimiters", "G=\":<>(e),[T];?\" /get HTTP/1.1" + HOST,
                        BAD_REQUEST_400),
                reject("RL-06/slash", "method G/T", "G/T / HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-06/obs-text", "non-ASCII byte in the method", "G\u00c9T / HTTP/1.1" + HOST, BAD_REQUEST_400),
                // RFC 9112 §3.1: "The request method is case-sensitive"; the server answers 501 to
                // methods it does not implement, so the parser keeps them as sent.
                accept("RL-07", "lowercase get kept as sent", "get / HTTP/1.1" + HOST,
                        request("get", "/").field("Host", "t")),
                accept("RL-08", "unknown method FOO", "FOO / HTTP/1.1" + HOST, request("FOO", "/").field("Host", "t")),
                accept("RL-08/every-tchar", "method made of every tchar", "!#$%&'*+-.^_`|~09AZaz / HTTP/1.1" + HOST,
                        request("!#$%&'*+-.^_`|~09AZaz", "/").field("Host", "t")),
                reject("RL-09", "1,000-byte method", "A".repeat(1_000) + " / HTTP/1.1" + HOST, NOT_IMPLEMENTED_501),
                accept("RL-09/at-limit", "method of maxMethodBytes", "M".repeat(HttpLimits.MAX_METHOD_BYTES)
                        + " / HTTP/1.1" + HOST, request("M".repeat(HttpLimits.MAX_METHOD_BYTES), "/").field("Host", "t")),
                reject("RL-09/over-limit", "method one byte over maxMethodBytes",
                        "M".repeat(HttpLimits.MAX_METHOD_BYTES + 1) + " / HTTP/1.1" + HOST, NOT_IMPLEMENTED_501),

                // RFC 9112 §3: "It is RECOMMENDED that all HTTP senders and recipients support, at a
                // minimum, request-line lengths of 8000 octets."
                accept("RL-10", "request-line of 8,000 octets", "GET /" + "a".repeat(8_000 - 14) + " HTTP/1.1" + HOST,
                        request("GET", "/" + "a".repeat(8_000 - 14)).field("Host", "t")),
                accept("RL-10/at-limit", "request-line of maxRequestLineBytes, its CRLF not counted",
                        "GET " + longestTarget + " HTTP/1.1" + HOST, request("GET", longestTarget).field("Host", "t")),
                // RFC 9110 §15.5.15: 414 when "the target URI is longer than the server is willing to interpret".
                reject("RL-10/over-limit", "request-line one byte over maxRequestLineBytes",
                        "GET " + longestTarget + "a HTTP/1.1" + HOST, URI_TOO_LONG_414),
                reject("RL-11", "100 KB request-target", "GET /" + "a".repeat(100_000) + " HTTP/1.1" + HOST,
                        URI_TOO_LONG_414),
                reject("RL-11/no-line-end", "64 KB with no CRLF at all", "GET /" + "a".repeat(65_536), URI_TOO_LONG_414),

                reject("RL-12", "missing request-target", "GET HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-12/empty", "empty request-target between two SPs", "GET  HTTP/1.1" + HOST, BAD_REQUEST_400),
                reject("RL-13", "LF used as a separator", "GET /\nHTTP/1.1\r\n\r\n", BAD_REQUEST_400),
                // RFC 9112 App. C.1: HTTP/0.9 requests have no version; this server does not speak it.
                reject("RL-14", "HTTP/0.9 request GET /", "GET /\r\n\r\n", BAD_REQUEST_400),
                reject("RL-14/empty-version", "SP and no version", "GET / \r\n\r\n", BAD_REQUEST_400),
                reject("9112-3/method-only", "a method alone", "GET\r\n\r\n", BAD_REQUEST_400));
    }
}
