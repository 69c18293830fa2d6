package io.h1kit.http;

import static io.h1kit.http.Fixture.G;
import static io.h1kit.http.Fixture.Msg.g;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static io.h1kit.http.Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431;

import java.util.stream.Stream;

/**
 * RFC 9112 §5 and RFC 9110 §5, field lines: catalogue rows HDR-01 to HDR-16, and the header
 * section limits (RFC 9110 §5.4, RFC 6585 §5).
 */
class Rfc9112Section5FieldSyntaxTest extends ParserFixtureTest {

    @Override
    Stream<Fixture> fixtures() {
        int maxSection = HttpLimits.MAX_HEADER_SECTION_BYTES;
        // The section counts its field lines with their CRLFs, "Host: t" CRLF (9) and "X: " value
        // CRLF (5 + value), but not the empty line that ends it.
        String longestValue = "v".repeat(maxSection - 9 - 5);
        return Stream.of(
                // RFC 9112 §5.1: "A server MUST reject, with a response status code of 400 (Bad
                // Request), any received request message that contains whitespace between a header
                // field name and colon."
                bad("HDR-01", "SP between name and colon", "X-A : b"),
                bad("HDR-01/htab", "HTAB between name and colon", "X-A\t: b"),
                bad("TE-16", "Transfer-Encoding SP colon", "Transfer-Encoding : chunked"),
                // RFC 9112 §5.2: "A server that receives an obs-fold in a request message that is not
                // within a "message/http" container MUST either reject the message by sending a 400
                // (Bad Request) ... or replace each received obs-fold with one or more SP octets".
                reject("HDR-02", "obs-fold with SP", G + "X: a\r\n b\r\n\r\n", BAD_REQUEST_400),
                reject("HDR-02/htab", "obs-fold with HTAB", G + "X: a\r\n\tb\r\n\r\n", BAD_REQUEST_400),
                reject("SMUG-04/folded-te", "Transfer-Encoding value on a folded line",
                        "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding:\r\n chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
                        BAD_REQUEST_400),
                bad("HDR-03", "line without a colon", "Foo bar"),
                bad("HDR-03/content-length", "Content-Length without its colon", "Content-Length 10"),
                bad("HDR-04", "empty field name", ": v"),
                reject("HDR-04/colon-alone", "a lone colon, then a field", G + ":\r\nI: x\r\n\r\n", BAD_REQUEST_400),
                // RFC 9110 §5.1: field-name = token.
                bad("HDR-05/brackets", "name X[]", "X[]: v"),
                bad("HDR-05/soh", "SOH inside the name", "F\u0001o: v"),
                bad("HDR-05/sp", "SP inside the name", "Foo bar: v"),
                bad("HDR-05/obs-text", "name starting with 0xEF", "\u00effoo: v"),
                bad("HDR-05/nel", "0x85 after Content-Length", "Content-Length\u0085: 1"),
                bad("HDR-05/quote", "quoted name", "\"X\": v"),
                bad("HDR-05/slash", "name X/Y", "X/Y: v"),
                bad("HDR-05/at", "name X@Y", "X@Y: v"),
                bad("HDR-05/braces", "name {X}", "{X}: v"),
                bad("HDR-05/del", "DEL in the name", "X\u007f: v"),
                // RFC 9110 §5.5: "Field values containing CR, LF, or NUL characters are invalid and
                // dangerous"; a recipient may reject other CTLs too, and this one does.
                bad("HDR-06", "NUL inside a value", "X: a\0b"),
                bad("HDR-06/end", "NUL ending a value", "X: a\0"),
                bad("HDR-07", "SOH inside a value", "X: a\u0001b"),
                bad("HDR-07/del", "DEL inside a value", "X: a\u007fb"),
                bad("HDR-07/esc", "ESC inside a value", "X: \u001b[31m"),
                // RFC 9110 §5.5: "a recipient SHOULD treat other allowed octets in field content
                // (i.e., obs-text) as opaque data."
                ok("HDR-08", "obs-text kept as sent", "X: \u00a0v\u0085", "X", "\u00a0v\u0085"),
                // RFC 9112 §5.1: "A field line value might be preceded and/or followed by optional
                // whitespace (OWS) ... a parser ... [excludes] such whitespace".
                ok("HDR-09", "OWS around the value", "X:\t  v  \t", "X", "v"),
                ok("HDR-09/inner", "whitespace inside the value kept", "X: a \t b", "X", "a \t b"),
                ok("HDR-09/no-ows", "no OWS at all", "X:v", "X", "v"),
                ok("HDR-10", "empty value", "Empty:", "Empty", ""),
                ok("HDR-10/ows-only", "value of whitespace only", "Empty: \t ", "Empty", ""),
                ok("HDR-10/colons", "colons inside the value", "X: a:b::c", "X", "a:b::c"),
                ok("HDR-10/every-tchar", "name made of every tchar", "!#$%&'*+-.^_`|~09AZaz: v", "!#$%&'*+-.^_`|~09AZaz", "v"),
                accept("HDR-10/host-case", "hOsT in mixed case", "GET / HTTP/1.1\r\nhOsT: t\r\n\r\n",
                        Fixture.Msg.request("GET", "/").field("hOsT", "t")),
                accept("9110-5.3/repeated", "repeated field lines kept in order", G + "X: 1\r\nx: 2\r\nY: 3\r\nX: 4\r\n\r\n",
                        g().field("X", "1").field("x", "2").field("Y", "3").field("X", "4")),

                // RFC 9110 §5.4: "A server that receives a request header field line, field value,
                // or set of fields larger than it wishes to process MUST respond with an appropriate
                // 4xx (Client Error) status code"; 431 is RFC 6585 §5's.
                bad("HDR-11", "one value of 100 KB", "X: " + "v".repeat(100_000), REQUEST_HEADER_FIELDS_TOO_LARGE_431),
                reject("HDR-12", "10,000 field lines", G + "X: y\r\n".repeat(10_000) + "\r\n",
                        REQUEST_HEADER_FIELDS_TOO_LARGE_431),
                bad("HDR-13", "a 100 KB field name", "X".repeat(100_000) + ": v", REQUEST_HEADER_FIELDS_TOO_LARGE_431),
                accept("HDR-14", "40 fields of 200 bytes", G + fortyFields() + "\r\n", fortyFieldsMessage()),
                ok("HDR-11/at-limit", "header section of exactly maxHeaderSectionBytes", "X: " + longestValue,
                        "X", longestValue),
                bad("HDR-11/over-limit", "header section one byte over maxHeaderSectionBytes", "X: " + longestValue + "w",
                        REQUEST_HEADER_FIELDS_TOO_LARGE_431),
                accept("HDR-12/at-limit", "maxHeaderCount field lines", G + "X: y\r\n".repeat(HttpLimits.MAX_HEADER_COUNT - 1)
                        + "\r\n", manyX(HttpLimits.MAX_HEADER_COUNT - 1)),
                reject("HDR-12/over-limit", "one field line over maxHeaderCount",
                        G + "X: y\r\n".repeat(HttpLimits.MAX_HEADER_COUNT) + "\r\n", REQUEST_HEADER_FIELDS_TOO_LARGE_431),
                reject("HDR-12/small-limit", "three field lines with maxHeaderCount 2",
                        G + "A: 1\r\nB: 2\r\n\r\n", REQUEST_HEADER_FIELDS_TOO_LARGE_431).with(TestLimits.headerCount(2)),

                reject("HDR-15", "field name split across two lines",
                        "POST / HTTP/1.1\r\nHost: t\r\nTransfer-\r\nEncoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
                        BAD_REQUEST_400),
                reject("HDR-16", "header section 'ended' by CRLF CR", G + "\rZGET /evil: HTTP/1.1\r\nHost: t\r\n\r\n",
                        BAD_REQUEST_400));
    }

    private static Fixture ok(String id, String description, String line, String name, String value) {
        return accept(id, description, G + line + "\r\n\r\n", g().field(name, value));
    }

    private static Fixture bad(String id, String description, String line) {
        return bad(id, description, line, BAD_REQUEST_400);
    }

    private static Fixture bad(String id, String description, String line, Status status) {
        return reject(id, description, G + line + "\r\n\r\n", status);
    }

    private static String fortyFields() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(String.format("X-%02d: ", i)).append("v".repeat(200 - 10)).append("\r\n");
        }
        return sb.toString();
    }

    private static Fixture.Msg fortyFieldsMessage() {
        Fixture.Msg m = g();
        for (int i = 0; i < 40; i++) {
            m.field(String.format("X-%02d", i), "v".repeat(200 - 10));
        }
        return m;
    }

    private static Fixture.Msg manyX(int n) {
        Fixture.Msg m = g();
        for (int i = 0; i < n; i++) {
            m.field("X", "y");
        }
        return m;
    }
}
