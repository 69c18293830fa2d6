package io.h1kit.http;

import static io.h1kit.http.Fixture.Msg.p;
import static io.h1kit.http.Fixture.Msg.s;
import static io.h1kit.http.Fixture.P;
import static io.h1kit.http.Fixture.S;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static io.h1kit.http.Status.NOT_IMPLEMENTED_501;

import java.util.stream.Stream;

/**
 * RFC 9112 §6.1, Transfer-Encoding through the parser: catalogue rows TE-01 to TE-16 (the full
 * decision table is {@link Rfc9112Section6_3BodyLengthTableTest}).
 */
class Rfc9112Section6_1TransferEncodingTest extends ParserFixtureTest {

    private static final String TE = P + "Transfer-Encoding: chunked\r\n\r\n";

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                // RFC 9112 §6.1: "A recipient MUST be able to parse the chunked transfer coding".
                accept("TE-01", "one chunk, then the sentinel", TE + "5\r\nhello\r\n0\r\n\r\n" + S,
                        chunked("chunked", "hello"), s()),
                accept("TE-02", "several chunks", TE + "5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n" + S,
                        chunked("chunked", "hello world"), s()),
                accept("TE-02/upper-hex", "uppercase and lowercase hex sizes",
                        TE + "A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n" + S,
                        chunked("chunked", "0123456789abcdefghij"), s()),
                accept("TE-02/leading-zeros", "sizes with leading zeros and last-chunk 000",
                        TE + "0005\r\nhello\r\n000\r\n\r\n" + S, chunked("chunked", "hello"), s()),
                accept("TE-03", "empty chunked body", TE + "0\r\n\r\n" + S, chunked("chunked", ""), s()),
                accept("TE-04", "Transfer-Encoding: Chunked", P + "Transfer-Encoding: Chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + S,
                        chunked("Chunked", "hello"), s()),
                accept("TE-04/upper", "Transfer-Encoding: CHUNKED",
                        P + "Transfer-Encoding: CHUNKED\r\n\r\n0\r\n\r\n" + S, chunked("CHUNKED", ""), s()),
                accept("TE-05/leading", "Transfer-Encoding: ,chunked",
                        P + "Transfer-Encoding: ,chunked\r\n\r\n0\r\n\r\n" + S, chunked(",chunked", ""), s()),
                accept("TE-05/trailing", "Transfer-Encoding: chunked,",
                        P + "Transfer-Encoding: chunked,\r\n\r\n0\r\n\r\n" + S, chunked("chunked,", ""), s()),
                accept("TE-05/leading-sp", "Transfer-Encoding: , chunked",
                        P + "Transfer-Encoding: , chunked\r\n\r\n0\r\n\r\n" + S, chunked(", chunked", ""), s()),
                accept("TE-06/trailing-sp", "Transfer-Encoding: chunked with a trailing SP",
                        P + "Transfer-Encoding: chunked \r\n\r\n0\r\n\r\n" + S, chunked("chunked", ""), s()),
                accept("TE-06/htab", "Transfer-Encoding with HTAB before the value",
                        P + "Transfer-Encoding:\tchunked\r\n\r\n0\r\n\r\n" + S, chunked("chunked", ""), s()),
                bad("TE-07", "gzip", BAD_REQUEST_400),
                bad("TE-07/gzip-chunked", "gzip, chunked", NOT_IMPLEMENTED_501),
                bad("TE-08", "identity", BAD_REQUEST_400),
                bad("TE-09", "chunked, gzip", BAD_REQUEST_400),
                bad("TE-09/identity", "chunked, identity", BAD_REQUEST_400),
                bad("TE-10/xchunked", "xchunked", BAD_REQUEST_400),
                bad("TE-10/quoted", "\"chunked\"", BAD_REQUEST_400),
                bad("TE-10/vt", "\u000bchunked", BAD_REQUEST_400),
                bad("TE-10/ff", "\u000cchunked", BAD_REQUEST_400),
                bad("TE-10/nul", "chunked\0", BAD_REQUEST_400),
                bad("TE-10/nbsp", "\u00a0chunked", BAD_REQUEST_400),
                bad("TE-10/accent", "ch\u0096nked", BAD_REQUEST_400),
                reject("TE-11", "two Transfer-Encoding: chunked lines",
                        P + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + S, BAD_REQUEST_400),
                bad("TE-11/list", "chunked, chunked", BAD_REQUEST_400),
                bad("TE-12", "chunked;foo=bar", BAD_REQUEST_400),
                reject("TE-13", "HTTP/1.0 with Transfer-Encoding and Content-Length",
                        "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + S,
                        BAD_REQUEST_400),
                reject("TE-13/alone", "HTTP/1.0 with Transfer-Encoding",
                        "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + S, BAD_REQUEST_400),
                bad("TE-14", "", BAD_REQUEST_400),
                accept("TE-15", "Transfer_Encoding with an underscore and Content-Length",
                        P + "Transfer_Encoding: chunked\r\nContent-Length: 5\r\n\r\nhello" + S,
                        p().field("Transfer_Encoding", "chunked").field("Content-Length", "5").length(5).body("hello"), s()),
                reject("TE-16", "SP between Transfer-Encoding and the colon",
                        P + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n" + S, BAD_REQUEST_400));
    }

    private static Fixture.Msg chunked(String teValue, String body) {
        return p().field("Transfer-Encoding", teValue).chunked().body(body);
    }

    private static Fixture bad(String id, String teValue, Status status) {
        return reject(id, "Transfer-Encoding: " + teValue.replaceAll("\\p{Cntrl}", "?"),
                P + "Transfer-Encoding: " + teValue + "\r\n\r\n0\r\n\r\n" + S, status);
    }
}
