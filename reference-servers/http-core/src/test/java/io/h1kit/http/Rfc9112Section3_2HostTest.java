package io.h1kit.http;

import static io.h1kit.http.Fixture.G;
import static io.h1kit.http.Fixture.Msg.authorityForm;
import static io.h1kit.http.Fixture.Msg.request;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;

import java.util.stream.Stream;

/**
 * RFC 9112 §3.2 and RFC 9110 §7.2, the Host field: catalogue rows HOST-01 to HOST-08.
 *
 * <p>RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1
 * request message that lacks a Host header field and to any request message that contains more
 * than one Host header field line or a Host header field with an invalid field value."
 */
class Rfc9112Section3_2HostTest extends ParserFixtureTest {

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                reject("HOST-01", "HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n", BAD_REQUEST_400),
                reject("HOST-01/other-fields", "HTTP/1.1 with fields but no Host",
                        "GET / HTTP/1.1\r\nHosts: t\r\nX-Host: t\r\n\r\n", BAD_REQUEST_400),
                reject("HOST-02", "two different Host lines", G + "Host: u\r\n\r\n", BAD_REQUEST_400),
                reject("HOST-03", "two identical Host lines", G + "Host: t\r\n\r\n", BAD_REQUEST_400),
                reject("HOST-03/case", "Host and host", G + "host: t\r\n\r\n", BAD_REQUEST_400),
                reject("HOST-03/http10", "two Host lines in HTTP/1.0", "GET / HTTP/1.0\r\nHost: t\r\nHost: t\r\n\r\n",
                        BAD_REQUEST_400),
                bad("HOST-04", "a, b"),
                bad("HOST-05/sp", "a b"),
                bad("HOST-05/trailing-word", "t:80 x"),
                bad("HOST-05/path", "t/p"),
                bad("HOST-05/userinfo", "u@t"),
                bad("HOST-05/two-ports", "t:1:2"),
                bad("HOST-05/port-letters", "t:8x"),
                bad("HOST-05/backslash", "abc\\foo"),
                bad("HOST-05/htab", "a\tb"),
                bad("HOST-05/obs-text", "caf\u00e9"),
                bad("HOST-05/bad-pct", "t%4"),
                bad("HOST-05/query", "t?x"),
                bad("HOST-05/fragment", "t#x"),
                bad("HOST-05/ipv6-open", "[::1"),
                bad("HOST-05/ipv6-suffix", "[::1]x"),
                bad("HOST-05/ipv6-letters", "[zz::1]"),
                bad("HOST-05/ipv6-empty", "[]"),
                bad("HOST-05/ipv6-no-colons", "[1]"),
                bad("HOST-05/ipv6-bare", "::1"),
                // RFC 9110 §4.2.1: an http URI with an empty host "MUST" be rejected as invalid.
                reject("HOST-06", "empty Host with an origin-form target", "GET / HTTP/1.1\r\nHost:\r\n\r\n",
                        BAD_REQUEST_400),
                reject("HOST-06/ows", "Host of whitespace only", "GET / HTTP/1.1\r\nHost:  \t \r\n\r\n", BAD_REQUEST_400),
                reject("HOST-06/asterisk", "empty Host with OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost:\r\n\r\n",
                        BAD_REQUEST_400),
                bad("HOST-06/port-only", ":80"),
                bad("HOST-06/colon-only", ":"),
                ok("HOST-07/ipv6", "[::1]:8080"),
                ok("HOST-07/ipv6-full", "[2001:db8:0:0:0:0:0:1]"),
                ok("HOST-07/ipv4-in-ipv6", "[::ffff:192.0.2.1]:80"),
                ok("HOST-07/ipvfuture", "[v1.fe80::a+en1]"),
                ok("HOST-07/case", "T.Example"),
                ok("HOST-07/trailing-dot", "t."),
                ok("HOST-07/ipv4", "127.0.0.1:80"),
                ok("HOST-07/pct", "t%41"),
                ok("HOST-07/sub-delims", "a!$&'()*+;=b"),
                ok("HOST-07/empty-port", "t:"),
                ok("HOST-07/port-65535", "t:65535"),
                ok("HOST-07/port-leading-zero", "t:080"),
                // RFC 3986 §3.2.3 sets no range on port; a range check is hardening.
                bad("HOST-08", "t:99999"),
                bad("HOST-08/three-ports", "t:1:2:3"),
                bad("HOST-08/port-0", "t:0"),
                bad("HOST-08/port-overflow", "t:99999999999999999999"),
                accept("VER-01/host-bad", "HTTP/1.0 without Host is fine", "GET / HTTP/1.0\r\nX: y\r\n\r\n",
                        request("GET", "/").http10().field("X", "y")),
                reject("HOST-05/http10", "an invalid Host in HTTP/1.0", "GET / HTTP/1.0\r\nHost: a b\r\n\r\n",
                        BAD_REQUEST_400),
                // RFC 9112 §3.3: for the authority-form, the target URI's authority is the request-target.
                accept("HOST-06/connect", "empty Host with CONNECT", "CONNECT t:443 HTTP/1.1\r\nHost:\r\n\r\n",
                        request("CONNECT", authorityForm("t:443")).field("Host", "")));
    }

    private static Fixture ok(String id, String host) {
        return accept(id, "Host: " + host, "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
                request("GET", "/").field("Host", host));
    }

    private static Fixture bad(String id, String host) {
        return reject(id, "Host: " + host.replace('\t', '?'), "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
                BAD_REQUEST_400);
    }
}
