package io.h1kit.http;

import static io.h1kit.http.Fixture.Msg.absolute;
import static io.h1kit.http.Fixture.Msg.authorityForm;
import static io.h1kit.http.Fixture.Msg.request;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;

import java.util.stream.Stream;

/** RFC 9112 §3.2, the four request-target forms: catalogue rows TGT-01 to TGT-14. */
class Rfc9112Section3_2RequestTargetTest extends ParserFixtureTest {

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                // RFC 9112 §3.2.1: origin-form = absolute-path [ "?" query ].
                ok("9112-3.2.1/query", "GET", "/p?q=1&r", Fixture.Msg.origin("/p?q=1&r")),
                ok("9112-3.2.1/empty-query", "GET", "/p?", Fixture.Msg.origin("/p?")),
                ok("9112-3.2.1/question-in-query", "GET", "/p?a?b", Fixture.Msg.origin("/p?a?b")),
                ok("9112-3.2.1/double-slash", "GET", "//x//y", Fixture.Msg.origin("//x//y")),
                ok("9112-3.2.1/sub-delims", "GET", "/a;b=c,d!$&'()*+:@~-._", Fixture.Msg.origin("/a;b=c,d!$&'()*+:@~-._")),
                ok("9112-3.2.1/pct", "GET", "/%41%2f?%43", Fixture.Msg.origin("/%41%2f?%43")),

                // RFC 9112 §3.2.2: "a server MUST accept the absolute-form in requests".
                ok("TGT-01", "GET", "http://t/", absolute("http://t/", "t", "/", null)),
                // RFC 9110 §4.2.3: an empty path is equivalent to "/".
                ok("TGT-02", "GET", "http://t", absolute("http://t", "t", "/", null)),
                ok("TGT-02/query", "GET", "http://t?x=1", absolute("http://t?x=1", "t", "/", "x=1")),
                // RFC 9112 §3.2.2: "the server MUST ignore the received Host header field (if any)
                // and instead use the host information of the request-target".
                accept("TGT-03", "authority differs from Host", "GET http://a.test/ HTTP/1.1\r\nHost: b.test\r\n\r\n",
                        request("GET", absolute("http://a.test/", "a.test", "/", null)).field("Host", "b.test")),
                ok("TGT-03/https", "GET", "HTTPS://T:443/x?y", absolute("HTTPS://T:443/x?y", "T:443", "/x", "y")),
                ok("TGT-03/ipv6", "GET", "http://[::1]:8080/", absolute("http://[::1]:8080/", "[::1]:8080", "/", null)),
                // RFC 3986 §3.2.3: port = *DIGIT, so an empty port is allowed.
                ok("TGT-03/empty-port", "GET", "http://t:/", absolute("http://t:/", "t:", "/", null)),
                ok("TGT-05/port-65535", "GET", "http://t:65535/", absolute("http://t:65535/", "t:65535", "/", null)),
                accept("TGT-03/empty-host-field", "absolute-form with an empty Host",
                        "GET http://t/ HTTP/1.1\r\nHost:\r\n\r\n",
                        request("GET", absolute("http://t/", "t", "/", null)).field("Host", "")),
                reject("TGT-03/no-host", "absolute-form still needs Host in HTTP/1.1",
                        "GET http://t/ HTTP/1.1\r\n\r\n", BAD_REQUEST_400),
                // RFC 9110 §4.2.4: "A recipient SHOULD parse for userinfo ... and treat its presence as an error".
                bad("TGT-04", "GET http://u@t/"),
                bad("TGT-04/password", "GET http://u:p@t/"),
                bad("TGT-04/port-then-at", "GET http://t:80@evil/"),
                bad("TGT-05/ftp", "GET ftp://t/"),
                bad("TGT-05/nul", "GET ht\0tp://t/"),
                bad("TGT-05/port-0", "GET http://t:0/"),
                bad("TGT-05/port-65536", "GET http://t:65536/"),
                bad("TGT-05/port-letters", "GET http://t:8x/"),
                bad("TGT-05/two-ports", "GET http://t:80:81/"),
                // RFC 9110 §4.2.1: "A recipient that processes such a URI reference [with an empty
                // host] MUST reject it as invalid."
                bad("TGT-05/empty-host", "GET http:///"),
                bad("TGT-05/port-only", "GET http://:80/"),
                bad("TGT-05/backslash-host", "GET http://a\\b/"),
                bad("TGT-05/one-slash", "GET http:/t/"),

                // RFC 9112 §3.2.4: "The asterisk-form ... is only used for a server-wide OPTIONS request".
                bad("TGT-06", "GET *"),
                bad("TGT-06/star-query", "OPTIONS *?x"),
                bad("TGT-06/star-path", "OPTIONS */"),
                ok("TGT-07", "OPTIONS", "*", new RequestTarget(RequestTarget.Form.ASTERISK, "*", null, null, null)),
                // RFC 9112 §3.2.3: "The authority-form is only used for CONNECT requests".
                bad("TGT-08", "GET t:80"),
                bad("TGT-08/host-only", "GET t"),
                ok("TGT-09", "CONNECT", "t:443", authorityForm("t:443")),
                ok("TGT-09/ipv6", "CONNECT", "[::1]:443", authorityForm("[::1]:443")),
                // RFC 9112 §3.2.3: authority-form = uri-host ":" port; "a client MUST send only the
                // host and port of the tunnel destination as the request-target".
                bad("TGT-09/no-port", "CONNECT t"),
                bad("TGT-09/empty-port", "CONNECT t:"),
                bad("TGT-09/ipv6-no-port", "CONNECT [::1]"),
                bad("TGT-09/port-0", "CONNECT t:0"),
                bad("TGT-09/no-host", "CONNECT :443"),
                bad("TGT-09/path", "CONNECT t:443/x"),
                bad("TGT-09/origin-form", "CONNECT /"),
                bad("TGT-09/absolute-form", "CONNECT http://t:443/"),
                bad("TGT-09/asterisk", "CONNECT *"),

                // RFC 9112 §3.2: the request-target forms have no fragment.
                bad("TGT-10", "GET /a#f"),
                bad("TGT-10/empty", "GET /#"),
                bad("TGT-10/after-query", "GET /?q#f"),
                bad("TGT-10/absolute", "GET http://t/#f"),
                bad("TGT-11", "GET /a b"),
                bad("TGT-12/soh", "GET /\u0001"),
                bad("TGT-12/nul", "GET /\0"),
                bad("TGT-12/del", "GET /\u007f"),
                bad("TGT-12/htab", "GET /a\tb"),
                bad("TGT-13", "GET /caf\u00c3\u00a9"),
                // RFC 3986 §2.1: pct-encoded = "%" HEXDIG HEXDIG.
                bad("TGT-14/alone", "GET /foo%"),
                bad("TGT-14/one-digit", "GET /foo%1"),
                bad("TGT-14/not-hex", "GET /foo%zz"),
                bad("TGT-14/in-query", "GET /?a=%g0"),
                bad("TGT-14/in-authority", "GET http://t%/"),
                bad("9112-3.2/relative", "GET a/b"),
                bad("9112-3.2/scheme-relative", "GET x:y"));
    }

    /** {@code method target HTTP/1.1} with Host t, accepted with the given target. */
    private static Fixture ok(String id, String method, String raw, RequestTarget target) {
        return accept(id, method + " " + raw, method + " " + raw + " HTTP/1.1\r\nHost: t\r\n\r\n",
                request(method, target).field("Host", "t"));
    }

    /** {@code methodAndTarget HTTP/1.1} with Host t, rejected with 400. */
    private static Fixture bad(String id, String methodAndTarget) {
        return reject(id, methodAndTarget.replaceAll("\\p{Cntrl}", "?"),
                methodAndTarget + " HTTP/1.1\r\nHost: t\r\n\r\n", BAD_REQUEST_400);
    }
}
