package io.h1kit.http;

import static io.h1kit.http.Fixture.Msg.request;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static io.h1kit.http.Status.HTTP_VERSION_NOT_SUPPORTED_505;

import java.util.stream.Stream;

/** RFC 9112 §2.3 and RFC 9110 §6.2, the HTTP-version: catalogue rows VER-01 to VER-07. */
class Rfc9112Section2_3HttpVersionTest extends ParserFixtureTest {

    private static final String HOST = "\r\nHost: t\r\n\r\n";

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                // RFC 9112 §3.2: the Host requirement is for HTTP/1.1 requests.
                accept("VER-01", "HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", request("GET", "/").http10()),
                accept("VER-01/host", "HTTP/1.0 with Host", "GET / HTTP/1.0" + HOST,
                        request("GET", "/").http10().field("Host", "t")),
                // RFC 9110 §6.2: a server "SHOULD ... process the request as if it were the highest
                // minor version ... it supports".
                accept("VER-02", "HTTP/1.2 processed as HTTP/1.1", "GET / HTTP/1.2" + HOST,
                        request("GET", "/").version(HttpVersion.HTTP_1_1, "HTTP/1.2").field("Host", "t")),
                accept("VER-02/1.9", "HTTP/1.9 processed as HTTP/1.1", "GET / HTTP/1.9" + HOST,
                        request("GET", "/").version(HttpVersion.HTTP_1_1, "HTTP/1.9").field("Host", "t")),
                reject("VER-02/no-host", "HTTP/1.2 needs Host like HTTP/1.1", "GET / HTTP/1.2\r\n\r\n", BAD_REQUEST_400),
                // RFC 9110 §15.6.6: 505 "indicates that the server does not support ... the major version".
                reject("VER-03", "HTTP/2.0", "GET / HTTP/2.0" + HOST, HTTP_VERSION_NOT_SUPPORTED_505),
                reject("VER-03/3.0", "HTTP/3.0", "GET / HTTP/3.0" + HOST, HTTP_VERSION_NOT_SUPPORTED_505),
                reject("VER-03/9.9", "HTTP/9.9", "GET / HTTP/9.9" + HOST, HTTP_VERSION_NOT_SUPPORTED_505),
                // RFC 9112 §2.3: HTTP-version = HTTP-name "/" DIGIT "." DIGIT.
                reject("VER-04/1.11", "HTTP/1.11", "GET / HTTP/1.11" + HOST, BAD_REQUEST_400),
                reject("VER-04/10.0", "HTTP/10.0", "GET / HTTP/10.0" + HOST, BAD_REQUEST_400),
                reject("VER-04/01.1", "HTTP/01.1", "GET / HTTP/01.1" + HOST, BAD_REQUEST_400),
                reject("VER-04/overflow", "HTTP/4294967295.255", "GET / HTTP/4294967295.255" + HOST, BAD_REQUEST_400),
                reject("VER-04/1.32", "HTTP/1.32", "GET / HTTP/1.32" + HOST, BAD_REQUEST_400),
                // RFC 9112 §2.3: "HTTP-version is case-sensitive".
                reject("VER-05", "lowercase http/1.1", "GET / http/1.1" + HOST, BAD_REQUEST_400),
                reject("VER-05/mixed", "Http/1.1", "GET / Http/1.1" + HOST, BAD_REQUEST_400),
                reject("VER-06/no-minor", "HTTP/1", "GET / HTTP/1" + HOST, BAD_REQUEST_400),
                reject("VER-06/sp", "HTTP/ 1.1", "GET / HTTP/ 1.1" + HOST, BAD_REQUEST_400),
                reject("VER-06/suffix", "HTTP/1.1x", "GET / HTTP/1.1x" + HOST, BAD_REQUEST_400),
                reject("VER-06/htt", "HTT/1.1", "GET / HTT/1.1" + HOST, BAD_REQUEST_400),
                reject("VER-06/name-only", "HTTP/", "GET / HTTP/" + HOST, BAD_REQUEST_400),
                reject("VER-06/cr", "HTTP/ then two bare CRs", "GET / HTTP/\r\r1.1" + HOST, BAD_REQUEST_400),
                reject("VER-06/letters", "HTTP/a.b", "GET / HTTP/a.b" + HOST, BAD_REQUEST_400),
                reject("VER-06/comma", "HTTP/1,1", "GET / HTTP/1,1" + HOST, BAD_REQUEST_400),
                reject("VER-06/https", "HTTPS/1.1", "GET / HTTPS/1.1" + HOST, BAD_REQUEST_400),
                reject("VER-06/dash", "HTTP-1.1", "GET / HTTP-1.1" + HOST, BAD_REQUEST_400),
                reject("VER-07", "HTTP/0.9", "GET / HTTP/0.9\r\n\r\n", HTTP_VERSION_NOT_SUPPORTED_505));
    }
}
