package io.h1kit.http;

import static io.h1kit.http.HttpVersion.HTTP_1_0;
import static io.h1kit.http.HttpVersion.HTTP_1_1;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static io.h1kit.http.Status.CONTENT_TOO_LARGE_413;
import static io.h1kit.http.Status.NOT_IMPLEMENTED_501;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The message body length of a request (RFC 9112 §6.3) as a table over {@link BodyFraming#decide}:
 * catalogue rows CL-01 to CL-15 and TE-01 to TE-16, with the field values as the parser hands
 * them over (OWS already removed). Each row expects a framing or the status of the rejection.
 */
class Rfc9112Section6_3BodyLengthTableTest {

    /** One header section and the framing (a {@link BodyFraming}) or rejection (a {@link Status}) it must give. */
    record Row(String id, HttpVersion version, List<String> fieldLines, HttpLimits limits, Object expected) {
        @Override
        public String toString() {
            return id + ": " + version + " " + fieldLines.toString().replaceAll("\\p{Cntrl}", "?");
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // RFC 9112 §6.3 rule 7: "If this is a request message and none of the above are true,
                // then the message body length is zero".
                row("CL-03", BodyFraming.NONE),
                row("CL-03/other-fields", BodyFraming.NONE, "Content-Type: text/plain", "X: 5"),
                // RFC 9112 §6.3 rule 6: a valid Content-Length gives the body length in octets.
                row("CL-01", BodyFraming.length(5), "Content-Length: 5"),
                row("CL-02", BodyFraming.NONE, "Content-Length: 0"),
                row("CL-02/zeros", BodyFraming.NONE, "Content-Length: 000"),
                row("CL-01/name-case", BodyFraming.length(5), "content-LENGTH: 5"),
                // RFC 9112 §6.3 rule 5: "If a message is received without Transfer-Encoding and with
                // an invalid Content-Length header field, then the message framing is invalid and the
                // recipient MUST treat it as an unrecoverable error ... [a server] MUST respond with a
                // 400 (Bad Request) status code and then close the connection."
                row("CL-04", BAD_REQUEST_400, "Content-Length: 1", "Content-Length: 0"),
                // RFC 9110 §8.6: a recipient MAY "replace that invalid field value with a single
                // instance of the decimal value, since the duplicate values are identical".
                row("CL-05/two-lines", BodyFraming.length(5), "Content-Length: 5", "Content-Length: 5"),
                row("CL-05/list", BodyFraming.length(5), "Content-Length: 5, 5"),
                row("CL-05/triple", BodyFraming.length(5), "Content-Length: 5,5,\t5"),
                row("CL-05/zeros", BodyFraming.length(5), "Content-Length: 5, 05"),
                row("CL-06", BAD_REQUEST_400, "Content-Length: 5, 6"),
                row("CL-06/lines", BAD_REQUEST_400, "Content-Length: 5, 5", "Content-Length: 6"),
                // RFC 9110 §8.6: Content-Length = 1*DIGIT.
                row("CL-07/abc", BAD_REQUEST_400, "Content-Length: abc"),
                row("CL-07/1Z", BAD_REQUEST_400, "Content-Length: 1Z"),
                row("CL-07/plus", BAD_REQUEST_400, "Content-Length: +5"),
                row("CL-07/minus", BAD_REQUEST_400, "Content-Length: -1"),
                row("CL-07/minus-zero", BAD_REQUEST_400, "Content-Length: -0"),
                row("CL-07/hex", BAD_REQUEST_400, "Content-Length: 0x5"),
                row("CL-07/underscore", BAD_REQUEST_400, "Content-Length: 1_0"),
                row("CL-07/inner-sp", BAD_REQUEST_400, "Content-Length: 1 0"),
                row("CL-07/decimal", BAD_REQUEST_400, "Content-Length: 5.0"),
                row("CL-07/octal", BAD_REQUEST_400, "Content-Length: 0o5"),
                row("CL-07/exponent", BAD_REQUEST_400, "Content-Length: 1e3"),
                row("CL-07/arabic-digit", BAD_REQUEST_400, "Content-Length: \u0665"),
                row("CL-07/quoted", BAD_REQUEST_400, "Content-Length: \"5\""),
                row("CL-07/one-bad-element", BAD_REQUEST_400, "Content-Length: 5, x"),
                row("CL-08", BAD_REQUEST_400, "Content-Length: "),
                row("CL-08/then-43", BAD_REQUEST_400, "Content-Length: ", "Content-Length: 43"),
                row("CL-08/comma", BAD_REQUEST_400, "Content-Length: ,"),
                row("CL-08/trailing-comma", BAD_REQUEST_400, "Content-Length: 5,"),
                row("CL-08/leading-comma", BAD_REQUEST_400, "Content-Length: ,5"),
                row("CL-08/double-comma", BAD_REQUEST_400, "Content-Length: 5,,5"),
                // RFC 9110 §8.6: the value is decimal; leading zeros do not make it octal.
                row("CL-09", BodyFraming.length(10), "Content-Length: 010"),
                // RFC 9110 §8.6: a recipient must "prevent ... integer conversion overflows".
                row("CL-10", CONTENT_TOO_LARGE_413, "Content-Length: 99999999999999999999"),
                row("CL-10/long-max", CONTENT_TOO_LARGE_413, "Content-Length: 9223372036854775807"),
                row("CL-10/overflow-then-letter", BAD_REQUEST_400, "Content-Length: 99999999999999999999x"),
                row("CL-11", CONTENT_TOO_LARGE_413, "Content-Length: 999999999"),
                row("LIM-08/at-limit", BodyFraming.length(HttpLimits.MAX_BODY_BYTES),
                        "Content-Length: " + HttpLimits.MAX_BODY_BYTES),
                row("LIM-08/over-limit", CONTENT_TOO_LARGE_413, "Content-Length: " + (HttpLimits.MAX_BODY_BYTES + 1)),
                new Row("LIM-08/zero-limit", HTTP_1_1, List.of("Content-Length: 1"), TestLimits.body(0),
                        CONTENT_TOO_LARGE_413),
                new Row("LIM-08/zero-limit-empty", HTTP_1_1, List.of("Content-Length: 0"), TestLimits.body(0),
                        BodyFraming.NONE),
                // RFC 9110 §17.10: a field named Content_Length is a different field.
                row("CL-15", BodyFraming.NONE, "Content_Length: 5"),
                row10("CL-01/http10", BodyFraming.length(5), "Content-Length: 5"),

                // RFC 9112 §6.3 rule 4: "If a Transfer-Encoding header field is present and the chunked
                // transfer coding ... is the final encoding, the message body length is determined by
                // reading and decoding the chunked data until the transfer coding indicates the data
                // is complete."
                row("TE-01", BodyFraming.CHUNKED, "Transfer-Encoding: chunked"),
                // RFC 9112 §7: transfer-coding names are case-insensitive.
                row("TE-04", BodyFraming.CHUNKED, "Transfer-Encoding: Chunked"),
                row("TE-04/upper", BodyFraming.CHUNKED, "TRANSFER-ENCODING: CHUNKED"),
                // RFC 9110 §5.6.1.2: "a recipient MUST accept empty list elements".
                row("TE-05/leading", BodyFraming.CHUNKED, "Transfer-Encoding: ,chunked"),
                row("TE-05/trailing", BodyFraming.CHUNKED, "Transfer-Encoding: chunked,"),
                row("TE-05/leading-sp", BodyFraming.CHUNKED, "Transfer-Encoding: , chunked"),
                row("TE-05/many", BodyFraming.CHUNKED, "Transfer-Encoding: , ,\tchunked , ,"),
                // RFC 9112 §6.3: "If a Transfer-Encoding header field is present in a request and the
                // chunked transfer coding is not the final encoding, the message body length cannot be
                // determined reliably; the server MUST respond with the 400 (Bad Request) status code
                // and then close the connection."
                row("TE-07", BAD_REQUEST_400, "Transfer-Encoding: gzip"),
                // RFC 9112 §6.1: "A server that receives a request message with a transfer coding it
                // does not understand SHOULD respond with 501 (Not Implemented)."
                row("TE-07/gzip-chunked", NOT_IMPLEMENTED_501, "Transfer-Encoding: gzip, chunked"),
                row("TE-07/two-lines", NOT_IMPLEMENTED_501, "Transfer-Encoding: gzip", "Transfer-Encoding: chunked"),
                row("TE-08", BAD_REQUEST_400, "Transfer-Encoding: identity"),
                row("TE-08/identity-chunked", NOT_IMPLEMENTED_501, "Transfer-Encoding: identity, chunked"),
                row("TE-09/gzip", BAD_REQUEST_400, "Transfer-Encoding: chunked, gzip"),
                row("TE-09/identity", BAD_REQUEST_400, "Transfer-Encoding: chunked, identity"),
                row("TE-09/lines", BAD_REQUEST_400, "Transfer-Encoding: chunked", "Transfer-Encoding: gzip"),
                row("TE-10/xchunked", BAD_REQUEST_400, "Transfer-Encoding: xchunked"),
                row("TE-10/chunk", BAD_REQUEST_400, "Transfer-Encoding: chunk"),
                row("TE-10/dquote", BAD_REQUEST_400, "Transfer-Encoding: \"chunked\""),
                row("TE-10/squote", BAD_REQUEST_400, "Transfer-Encoding: 'chunked'"),
                row("TE-10/vt", BAD_REQUEST_400, "Transfer-Encoding: \u000bchunked"),
                row("TE-10/ff", BAD_REQUEST_400, "Transfer-Encoding: \u000cchunked"),
                row("TE-10/nul", BAD_REQUEST_400, "Transfer-Encoding: chunked\0"),
                row("TE-10/cr", BAD_REQUEST_400, "Transfer-Encoding: chunked\r"),
                row("TE-10/nbsp", BAD_REQUEST_400, "Transfer-Encoding: \u00a0chunked"),
                row("TE-10/accent", BAD_REQUEST_400, "Transfer-Encoding: ch\u0096nked"),
                row("TE-10/inner-sp", BAD_REQUEST_400, "Transfer-Encoding: chunked gzip"),
                row("TE-10/xchunked-chunked", NOT_IMPLEMENTED_501, "Transfer-Encoding: xchunked, chunked"),
                // RFC 9112 §6.1: "A sender MUST NOT apply the chunked transfer coding more than once".
                row("TE-11/list", BAD_REQUEST_400, "Transfer-Encoding: chunked, chunked"),
                row("TE-11/lines", BAD_REQUEST_400, "Transfer-Encoding: chunked", "Transfer-Encoding: chunked"),
                row("TE-11/case", BAD_REQUEST_400, "Transfer-Encoding: chunked", "transfer-encoding: CHUNKED"),
                // RFC 9112 §7.1: chunked has no parameters; "their presence SHOULD be treated as an error".
                row("TE-12", BAD_REQUEST_400, "Transfer-Encoding: chunked;foo=bar"),
                row("TE-12/bws", BAD_REQUEST_400, "Transfer-Encoding: chunked ; q=1"),
                row("TE-12/gzip-params", BAD_REQUEST_400, "Transfer-Encoding: gzip;level=1, chunked"),
                // RFC 9112 §6.1: "A server or client that receives an HTTP/1.0 message containing a
                // Transfer-Encoding header field MUST treat the message as if the framing is faulty".
                row10("TE-13", BAD_REQUEST_400, "Transfer-Encoding: chunked", "Content-Length: 5"),
                row10("TE-13/alone", BAD_REQUEST_400, "Transfer-Encoding: chunked"),
                row10("TE-13/gzip-chunked", BAD_REQUEST_400, "Transfer-Encoding: gzip, chunked"),
                row("TE-14", BAD_REQUEST_400, "Transfer-Encoding: "),
                row("TE-14/commas", BAD_REQUEST_400, "Transfer-Encoding: , ,"),
                row("TE-14/then-chunked", BodyFraming.CHUNKED, "Transfer-Encoding: ", "Transfer-Encoding: chunked"),
                // RFC 9110 §17.10: Transfer_Encoding is not Transfer-Encoding.
                row("TE-15", BodyFraming.length(5), "Transfer_Encoding: chunked", "Content-Length: 5"),
                // RFC 9112 §6.1: "A server MAY reject a request that contains both Content-Length and
                // Transfer-Encoding or process such a request in accordance with the Transfer-Encoding
                // alone. Regardless, the server MUST close the connection after responding".
                row("SMUG-01", BAD_REQUEST_400, "Content-Length: 6", "Transfer-Encoding: chunked"),
                row("SMUG-02", BAD_REQUEST_400, "Transfer-Encoding: chunked", "Content-Length: 4"),
                row("SMUG-01/cl-zero", BAD_REQUEST_400, "Content-Length: 0", "Transfer-Encoding: chunked"),
                row("SMUG-01/bad-te", BAD_REQUEST_400, "Transfer-Encoding: gzip", "Content-Length: 5"),
                row("SMUG-03", BAD_REQUEST_400, "Transfer-Encoding: chunked", "Transfer-Encoding: x", "Content-Length: 5"),
                row("SMUG-03/no-cl", BAD_REQUEST_400, "Transfer-Encoding: chunked", "Transfer-Encoding: x"),
                row("SMUG-04/content-encoding", BodyFraming.length(5), "Content-Encoding: chunked", "Content-Length: 5"),
                row("SMUG-04/pct-name", BodyFraming.length(5), "Transfer-%45ncoding: chunked", "Content-Length: 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesFramingOrRejects(Row row) {
        Fields fields = new Fields();
        for (String line : row.fieldLines()) {
            int colon = line.indexOf(':');
            // Only the one SP after the colon goes: VT, FF and CR are not OWS (RFC 9110 §5.6.3).
            fields.add(line.substring(0, colon), line.substring(colon + 1).replaceFirst("^ ", ""));
        }
        Object actual;
        try {
            actual = BodyFraming.decide(row.version(), fields, row.limits());
        } catch (HttpRejection e) {
            assertTrue(e.rfcSection().matches("RFC \\d{4} §\\d+(\\.\\d+)*"), e::toString);
            actual = e.status();
        }
        assertEquals(row.expected(), actual);
    }

    private static Row row(String id, Object expected, String... fieldLines) {
        return new Row(id, HTTP_1_1, List.of(fieldLines), HttpLimits.DEFAULTS, expected);
    }

    private static Row row10(String id, Object expected, String... fieldLines) {
        return new Row(id, HTTP_1_0, List.of(fieldLines), HttpLimits.DEFAULTS, expected);
    }
}
