package io.h1kit.http;

import static io.h1kit.http.Fixture.Msg.p;
import static io.h1kit.http.Fixture.Msg.s;
import static io.h1kit.http.Fixture.P;
import static io.h1kit.http.Fixture.S;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.incomplete;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static io.h1kit.http.Status.CONTENT_TOO_LARGE_413;
import static io.h1kit.http.Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431;

import java.util.stream.Stream;

/**
 * RFC 9112 §7.1, the chunked coding, its extensions (§7.1.1) and trailer section (§7.1.2):
 * catalogue rows CHK-01 to CHK-16. Every fixture also runs cut in two at every offset (CHK-15).
 *
 * <pre>
 *   chunked-body = *chunk last-chunk trailer-section CRLF
 *   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *   chunk-size   = 1*HEXDIG
 *   chunk-ext    = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 * </pre>
 */
class Rfc9112Section7_1ChunkedCodingTest extends ParserFixtureTest {

    /** The catalogue's {P}Transfer-Encoding: chunked↵↵: append the chunked body. */
    private static final String TE = P + "Transfer-Encoding: chunked\r\n\r\n";

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                // RFC 9112 §7.1.1: "A recipient MUST ignore unrecognized chunk extensions."
                ok("CHK-01", "extension with a token value", "5;ext=v\r\nhello\r\n0\r\n\r\n", "hello"),
                // RFC 9112 §7.1.1: BWS is allowed around ";" and "=", and a recipient "MUST parse for
                // such bad whitespace and remove it".
                ok("CHK-02", "BWS and a quoted-string", "5 ; a = \"q v\"\r\nhello\r\n0\r\n\r\n", "hello"),
                ok("CHK-02/htab", "HTAB as BWS", "5\t;\ta\t=\tb\r\nhello\r\n0\r\n\r\n", "hello"),
                ok("CHK-02/many", "several extensions", "5;a;b=c;d=\"x\\\"y\";e\r\nhello\r\n0\r\n\r\n", "hello"),
                ok("CHK-02/name-only", "extension without a value", "5;a\r\nhello\r\n0\r\n\r\n", "hello"),
                ok("CHK-02/last-chunk", "extension on the last chunk", "5\r\nhello\r\n0;a=b\r\n\r\n", "hello"),
                ok("CHK-02/quoted-specials", "quoted value with ; = , and obs-text",
                        "5;a=\"; = ,\u00e9\"\r\nhello\r\n0\r\n\r\n", "hello"),
                ok("CHK-02/empty-quoted", "empty quoted-string", "5;a=\"\"\r\nhello\r\n0\r\n\r\n", "hello"),
                // RFC 9112 §7.1.1: chunk-ext-name = token; chunk-ext-val = token / quoted-string.
                bad("CHK-03/bare-semicolon", "bare ;", "5;\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/space-in-name", "5;a b", "5;a b\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/nul", "NUL in an extension", "5;\0\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/del", "DEL as a value", "5;a=\u007f\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/no-name", "5;=v", "5;=v\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/no-value", "5;a=", "5;a=\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/two-values", "5;a=b c", "5;a=b c\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/unterminated", "unterminated quoted-string", "5;a=\"x\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/after-quote", "text after the quoted-string", "5;a=\"x\"y\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/trailing-ws", "whitespace after the extension name", "5;a \r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/trailing-ws-value", "whitespace after the extension value", "5;a=b\t\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/double-semicolon", "5;a;;b", "5;a;;b\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-03/quoted-name", "quoted extension name", "5;\"a\"=b\r\nhello\r\n0\r\n\r\n"),
                // RFC 9112 §2.2: a bare CR is invalid; a bare LF is not a line end in this parser.
                bad("CHK-04/cr", "bare CR inside an extension", "5;a\rX\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-04/lf", "bare LF ending an extension", "5;a\nhello\r\n0\r\n\r\n"),
                bad("CHK-04/cr-cr", "41;a=b then CR CR", "41;a=b\r\r\n" + "x".repeat(0x41) + "\r\n0\r\n\r\n"),
                // RFC 9112 §7.1.1: "A server ought to limit the total length of chunk extensions
                // received in a request to an amount reasonable for the services provided".
                bad("CHK-05", "64 KB of extensions on one chunk", "5;a=" + "b".repeat(65_536) + "\r\nhello\r\n0\r\n\r\n"),
                ok("CHK-05/at-limit", "extensions of exactly maxChunkMetadataBytes", "5;abcdefghi\r\nhello\r\n0\r\n\r\n",
                        "hello").with(TestLimits.chunkMetadata(10)),
                bad("CHK-05/over-limit", "extensions one byte over maxChunkMetadataBytes",
                        "5;abcdefghij\r\nhello\r\n0\r\n\r\n").with(TestLimits.chunkMetadata(10)),
                reject("CHK-05/summed", "extensions over the limit summed over chunks",
                        TE + "1;abcd\r\nx\r\n1;abcde\r\ny\r\n0\r\n\r\n", BAD_REQUEST_400,
                        p().field("Transfer-Encoding", "chunked").chunked().body("x").partial())
                        .with(TestLimits.chunkMetadata(10)),
                ok("CHK-05/leading-zeros", "19-digit size with leading zeros", "0000000000000000005\r\nhello\r\n0\r\n\r\n",
                        "hello"),
                bad("CHK-05/leading-zeros-limit", "leading zeros count against maxChunkMetadataBytes",
                        "0000000000000000005\r\nhello\r\n0\r\n\r\n").with(TestLimits.chunkMetadata(2)),

                // RFC 9112 §7.1: chunk-size = 1*HEXDIG.
                bad("CHK-06/0x", "size 0x5", "0x5\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-06/plus", "size +5", "+5\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-06/minus", "size -5", "-5\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-06/leading-sp", "size with a leading SP", " 5\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-06/trailing-sp", "size with a trailing SP and no extension", "5 \r\nhello\r\n0\r\n\r\n"),
                bad("CHK-06/trailing-htab", "size with a trailing HTAB and no extension", "5\t\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-06/underscore", "size 1_0", "1_0\r\n0123456789\r\n0\r\n\r\n"),
                bad("CHK-06/not-hex", "size Z", "Z\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-06/underscore-hex", "size 0_2e", "0_2e\r\n" + "x".repeat(0x2e) + "\r\n0\r\n\r\n"),
                bad("CHK-06/empty", "empty size line", "\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-06/inner-sp", "size 1 0", "1 0\r\n0123456789\r\n0\r\n\r\n"),
                // RFC 9112 §7.1: "Recipients MUST anticipate potentially large hexadecimal numerals
                // and prevent parsing errors due to integer conversion overflows".
                bad("CHK-07", "size FFFFFFFFFFFFFFFFF1", "FFFFFFFFFFFFFFFFF1\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-07/2^64-1", "size FFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n"),
                bad("CHK-07/2^63", "size 8000000000000000", "8000000000000000\r\nhello\r\n0\r\n\r\n"),
                reject("CHK-07/long-max", "size 7FFFFFFFFFFFFFFF fits a long but not the limit",
                        TE + "7FFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n", CONTENT_TOO_LARGE_413, partial("")),
                reject("CHK-08", "data longer than its size", TE + "5\r\nhelloXX\r\n0\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("hello")),
                reject("CHK-08/spill", "size-spill 2 then 4 bytes", TE + "2\r\nxxxx\r\n0\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("xx")),
                // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF.
                reject("CHK-09", "no CRLF after the data", TE + "5\r\nhello0\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("hello")),
                reject("CHK-09/lf", "bare LF after the data", TE + "5\r\nhello\n0\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("hello")),
                reject("CHK-09/cr", "bare CR after the data", TE + "5\r\nhello\rX0\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("hello")),
                reject("CHK-09/lf-cr", "LF CR after the data", TE + "5\r\nhello\n\r0\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("hello")),
                // A trailer line after the last chunk is a field, so "X:POST ..." is a trailer, not a request.
                accept("CHK-09/trailer-lookalike", "a request-like trailer after the last chunk",
                        TE + "0\r\nX:POST / HTTP/1.1\r\nHost: t\r\n\r\n" + S,
                        chunked("").trailer("X", "POST / HTTP/1.1").trailer("Host", "t"), s()),
                bad("CHK-10/lf", "size line ended by a bare LF", "5\nhello\r\n0\r\n\r\n"),
                bad("CHK-10/cr", "size line ended by a bare CR", "5\rhello\r\n0\r\n\r\n"),
                bad("CHK-10/last-lf", "last-chunk ended by a bare LF", "0\n\r\n"),
                reject("CHK-10/end-lf", "chunked body ended by a bare LF", TE + "0\r\n\n" + S, BAD_REQUEST_400,
                        partial("")),
                // RFC 9112 §8: a message whose chunked body has not ended is incomplete.
                incomplete("CHK-11", "no last-chunk", TE + "5\r\nhello\r\n", partial("")
                        .body("hello")),
                incomplete("CHK-11/no-final-crlf", "last-chunk without the final CRLF", TE + "5\r\nhello\r\n0\r\n",
                        partial("hello")),
                incomplete("CHK-11/mid-data", "input ends inside chunk data", TE + "5\r\nhel", partial("hel")),
                incomplete("CHK-11/mid-size", "input ends inside a size line", TE + "5\r\nhello\r\n1", partial("hello")),
                // RFC 9112 §7.1.2: the trailer section is a list of field lines after the last chunk.
                accept("CHK-12", "one trailer field", TE + "0\r\nX-T: v\r\n\r\n" + S, chunked("").trailer("X-T", "v"), s()),
                accept("CHK-12/several", "several trailers after data", TE + "5\r\nhello\r\n0\r\nA: 1\r\nB:\t2 \r\n\r\n" + S,
                        chunked("hello").trailer("A", "1").trailer("B", "2"), s()),
                // RFC 9110 §6.5.1: a recipient MUST NOT merge a trailer field into the header section
                // unless its definition allows it; Content-Length, Transfer-Encoding and Host do not.
                accept("CHK-13/content-length", "Content-Length trailer", TE + "0\r\nContent-Length: 50\r\n\r\n" + S,
                        chunked("").trailer("Content-Length", "50"), s()),
                accept("CHK-13/transfer-encoding", "Transfer-Encoding trailer",
                        TE + "0\r\nTransfer-Encoding: chunked\r\n\r\n" + S,
                        chunked("").trailer("Transfer-Encoding", "chunked"), s()),
                accept("CHK-13/host", "Host trailer", TE + "0\r\nHost: evil\r\n\r\n" + S,
                        chunked("").trailer("Host", "evil"), s()),
                reject("CHK-14", "trailer line without a colon", TE + "0\r\nBadTrailer\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("")),
                reject("CHK-14/lf", "trailer ended by a bare LF", TE + "0\r\nX: a\n\r\n" + S, BAD_REQUEST_400, partial("")),
                reject("CHK-14/fold", "folded trailer", TE + "0\r\nX: a\r\n b\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("").trailer("X", "a")),
                reject("CHK-14/sp-colon", "SP before a trailer's colon", TE + "0\r\nX : a\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("")),
                reject("CHK-14/nul", "NUL in a trailer value", TE + "0\r\nX: a\0\r\n\r\n" + S, BAD_REQUEST_400,
                        partial("")),
                reject("CHK-14/count", "more trailer lines than maxHeaderCount",
                        TE + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", REQUEST_HEADER_FIELDS_TOO_LARGE_431,
                        partial("").trailer("A", "1").trailer("B", "2"))
                        .with(TestLimits.headerCount(2)),
                reject("CHK-14/size", "trailer section over maxHeaderSectionBytes",
                        TE + "0\r\nX: " + "v".repeat(40) + "\r\n\r\n", REQUEST_HEADER_FIELDS_TOO_LARGE_431, partial(""))
                        .with(TestLimits.headerSection(40)),
                ok("CHK-15", "many one-byte chunks", "1\r\nh\r\n1\r\ne\r\n1\r\nl\r\n1\r\nl\r\n1\r\no\r\n0\r\n\r\n", "hello"),
                ok("CHK-15/binary", "chunk data holding CRLF and size-like bytes", "7\r\n\r\n0\r\n\r\n\r\n0\r\n\r\n",
                        "\r\n0\r\n\r\n"),
                // RFC 9110 §15.5.14: 413 when the content "is larger than the server is willing or able to process".
                reject("CHK-16", "chunked body over maxBodyBytes", TE + "5\r\nhello\r\n6\r\nworld!\r\n0\r\n\r\n",
                        CONTENT_TOO_LARGE_413, partial("hello")).with(TestLimits.body(10)),
                reject("CHK-16/one-chunk", "one chunk over maxBodyBytes", TE + "B\r\nhello world\r\n0\r\n\r\n",
                        CONTENT_TOO_LARGE_413, partial("")).with(TestLimits.body(10)),
                ok("CHK-16/at-limit", "chunked body of exactly maxBodyBytes", "5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n",
                        "helloworld").with(TestLimits.body(10)));
    }

    private static Fixture.Msg chunked(String body) {
        return p().field("Transfer-Encoding", "chunked").chunked().body(body);
    }

    private static Fixture.Msg partial(String body) {
        return chunked(body).partial();
    }

    /** {@code chunkedBody} after the chunked head, then the sentinel: both requests come out. */
    private static Fixture ok(String id, String description, String chunkedBody, String body) {
        return accept(id, description, TE + chunkedBody + S, chunked(body), s());
    }

    /** {@code chunkedBody} is refused before any of its data is reported. */
    private static Fixture bad(String id, String description, String chunkedBody) {
        return reject(id, description, TE + chunkedBody + S, BAD_REQUEST_400, partial(""));
    }
}
