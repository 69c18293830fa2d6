package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;

import java.util.List;
import java.util.regex.Pattern;

import static io.h1kit.conformance.cases.ParsingOutcomes.BAD_REQUEST_AND_CLOSE;
import static io.h1kit.conformance.cases.ParsingOutcomes.SECTION_2_2;
import static io.h1kit.conformance.cases.ParsingOutcomes.acceptedUnseen;
import static io.h1kit.conformance.cases.Requests.refusalWatched;
import static io.h1kit.conformance.cases.ParsingOutcomes.echoField;
import static io.h1kit.conformance.cases.ParsingOutcomes.halfRejected;
import static io.h1kit.conformance.cases.ParsingOutcomes.leftOpen;
import static io.h1kit.conformance.cases.ParsingOutcomes.rejected;
import static io.h1kit.conformance.cases.Requests.G;
import static io.h1kit.conformance.cases.Requests.P;

/** Field line syntax (RFC 9112 §5, RFC 9110 §5): HDR rows. */
public final class Rfc9112Section5FieldSyntax implements CaseSource {
    private static final String SPACE_BEFORE_COLON = "A server MUST reject, with a response status code of 400 (Bad "
            + "Request), any received request message that contains whitespace between a header field name and colon.";
    private static final String OBS_FOLD = "A server that receives an obs-fold in a request message that is not "
            + "within a \"message/http\" container MUST either reject the message by sending a 400 (Bad Request), "
            + "preferably with a representation explaining that obsolete line folding is unacceptable, or replace "
            + "each received obs-fold with one or more SP octets prior to interpreting the field value or forwarding "
            + "the message downstream.";
    private static final String FIELD_NAME = "field-name = token";
    private static final String CR_LF_NUL = "a recipient of CR, LF, or NUL within a field value MUST either reject "
            + "the message or replace each of those characters with SP before further processing or forwarding of "
            + "that message.";
    private static final String OTHER_CTL = "Field values containing other CTL characters are also invalid; however, "
            + "recipients MAY retain such characters for the sake of robustness when they appear within a safe "
            + "context";
    private static final String OBS_TEXT = "A recipient SHOULD treat other allowed octets in field content (i.e., "
            + "obs-text) as opaque data.";
    private static final String OWS = "OWS occurring before the first non-whitespace octet of the field line value, or "
            + "after the last non-whitespace octet of the field line value, is excluded by parsers when extracting "
            + "the field line value from a field line.";
    private static final String CASE_INSENSITIVE = "Field names are case-insensitive";
    private static final String FIELD_VALUE = "field-value    = *field-content";
    private static final String LIMITS = "A server that receives a request header field line, field value, or set of "
            + "fields larger than it wishes to process MUST respond with an appropriate 4xx (Client Error) status "
            + "code.";
    /** /echo with the catalogue's {G} fields: the fixture shows how the server read them. */
    private static final String E = "GET /echo HTTP/1.1\r\nHost: {host}\r\n";
    private static final int HUGE_OCTETS = 100 * 1024;
    private static final int MANY_LINES = 10_000;
    /** HDR-14: 40 field lines of 200 octets each (CRLF included), about 8 KB. */
    private static final int PADDED_LINES = 40;
    private static final int PADDED_LINE_OCTETS = 200;

    @Override
    public List<Case> cases() {
        return List.of(
                spaceBeforeColon("9112-5/01a", "SP", " "),
                spaceBeforeColon("9112-5/01b", "HTAB", "\t"),

                // Either branch of the MUST: 400, or the fold read as SP (one or more). A fold dropped
                // or kept as CRLF fails. The 400 need not close: left open is NON-STRICT.
                Case.of("9112-5/02", "HDR-02", Level.MUST, "obs-fold (X: a, then a line \" b\")")
                        .rfc("RFC 9112 §5.2", OBS_FOLD)
                        .sends(E + "X: a\r\n b\r\n\r\n")
                        .pass(rejected())
                        .pass(echoField("X", "= \"a b\" (the fold read as SP)", v -> Pattern.matches("a +b", v)))
                        .nonStrict(leftOpen(400))
                        .info(acceptedUnseen())
                        .hint("Answer 400 to a field line that starts with whitespace, or join it to the previous "
                                + "value with SP.")
                        .build(),

                noColon("9112-5/03a", "line without a colon (Foo bar)", G + "Foo bar\r\n\r\n"),
                noColon("9112-5/03b", "Content-Length without a colon, then 10 octets",
                        G + "Content-Length 10\r\n\r\n0123456789"),

                emptyName("9112-5/04a", "empty field name (: v)", G + ": v\r\n\r\n"),
                emptyName("9112-5/04b", "empty field name and value (:), then I: x", G + ":\r\nI: x\r\n\r\n"),

                badName("9112-5/05a", "X[]"),
                badName("9112-5/05b", "F\u0001o"),
                badName("9112-5/05c", "Foo bar"),
                badName("9112-5/05d", "\u00efoo"),
                // The name must not become Content-Length: a "Z" follows, which /echo shows as the body
                // if the server stripped the 0x85.
                Case.of("9112-5/05e", "HDR-05", Level.SHOULD, "non-token field name Content-Length\\x85: 1, then Z")
                        .rfc("RFC 9110 §5.1", FIELD_NAME)
                        .sends(E + "Content-Length\u0085: 1\r\n\r\nZ")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .fail(Expect.echo("body \"Z\": the name was read as Content-Length", v -> "Z".equals(v.body())))
                        .info(Expect.echo("no body: read as an unknown field", v -> v.body() == null || v.body().isEmpty()))
                        .info(acceptedUnseen())
                        .build(),

                nulInValue("9112-5/06a", "NUL inside a field value (X: a\\0b)", "a\0b", "a b"),
                nulInValue("9112-5/06b", "NUL ending a field value (X: a\\0)", "a\0", "a", "a "),

                Case.of("9112-5/07", "HDR-07", Level.MAY, "CTL \\x01 inside a field value (X: a\\x01b)")
                        .rfc("RFC 9110 §5.5", OTHER_CTL)
                        .sends(G + "X: a\u0001b\r\n\r\n")
                        .pass(Expect.success())
                        .pass(Expect.status(400))
                        .build(),

                // Opaque: the /echo fixture must show the three octets as sent.
                Case.of("9112-5/08", "HDR-08", Level.SHOULD, "obs-text in a field value (X: \\xa0v\\x85)")
                        .rfc("RFC 9110 §5.5", OBS_TEXT)
                        .sends(E + "X: \u00a0v\u0085\r\n\r\n")
                        .pass(echoField("X", "= \\xa0v\\x85 (octets kept)", "\u00a0v\u0085"::equals))
                        .nonStrict(Expect.status(400))
                        .info(acceptedUnseen())
                        .build(),

                // Without /echo there is nothing to see: a 2xx says nothing of the value read.
                Case.of("9112-5/09", "HDR-09", Level.MUST, "OWS around a field value (X:\\t  v  \\t)")
                        .rfc("RFC 9112 §5.1", OWS)
                        .requires(Capability.ECHO_FIXTURE)
                        .sends(E + "X:\t  v  \t\r\n\r\n")
                        .pass(echoField("X", "= \"v\"", "v"::equals))
                        .hint("Strip spaces and tabs before and after a field value.")
                        .build(),

                // Sent to "/" so that every server is judged: a wrong reading here either hangs (the
                // value taken from the next line) or answers 400, both visible without /echo.
                Case.of("9112-5/10a", "HDR-10", Level.MUST, "empty field value (Empty:)")
                        .rfc("RFC 9110 §5.5", FIELD_VALUE)
                        .sends(G + "Empty:\r\n\r\n")
                        .pass(Expect.success())
                        .hint("Accept a field line with an empty value.")
                        .build(),
                Case.of("9112-5/10b", "HDR-10", Level.MUST, "mixed-case Host field name (hOsT:)")
                        .rfc("RFC 9110 §5.1", CASE_INSENSITIVE)
                        .sends("GET / HTTP/1.1\r\nhOsT: {host}\r\n\r\n")
                        .pass(Expect.success())
                        .hint("Compare field names case-insensitively.")
                        .build(),

                // The MUST binds past the size a server wishes to process: accepting is recorded as INFO.
                Case.of("9112-5/11", "HDR-11", Level.MUST, "a 100 KB field value")
                        .rfc("RFC 9110 §5.4", LIMITS)
                        .sends(G + "X: " + "a".repeat(HUGE_OCTETS) + "\r\n\r\n")
                        .pass(Expect.status(431))
                        .nonStrict(Expect.status(400, 413))
                        .nonStrict(Expect.closeWithoutResponse())
                        .info(Expect.success())
                        .hint("Answer 431 (Request Header Fields Too Large) past your field size limit.")
                        .build(),
                Case.of("9112-5/12", "HDR-12", Level.MUST, "10,000 field lines")
                        .rfc("RFC 9110 §5.4", LIMITS)
                        .sends(G + manyLines() + "\r\n")
                        .pass(Expect.status(431))
                        .nonStrict(Expect.status(400))
                        .info(Expect.success())
                        .hint("Answer 431 (Request Header Fields Too Large) past your field count limit.")
                        .build(),
                Case.of("9112-5/13", "HDR-13", Level.MUST, "a 100 KB field name")
                        .rfc("RFC 9110 §5.4", LIMITS)
                        .sends(G + "X".repeat(HUGE_OCTETS) + ": v\r\n\r\n")
                        .pass(Expect.status(431))
                        .nonStrict(Expect.status(400))
                        .info(Expect.success())
                        .hint("Answer 431 (Request Header Fields Too Large) past your field size limit.")
                        .build(),

                // A limit below 8 KB of fields turns away ordinary browsers (cookies): recorded as INFO.
                Case.of("9112-5/14", "HDR-14", Level.HARDENING, "about 8 KB of fields (40 lines of 200 octets)")
                        .rfc("RFC 9110 §5.4", LIMITS)
                        .sends(G + paddedLines() + "\r\n")
                        .pass(Expect.success())
                        .info(Expect.status(431))
                        .build(),

                Case.of("9112-5/15", "HDR-15", Level.SHOULD, "field name split across lines (Transfer-, Encoding:)")
                        .rfc(SECTION_2_2, BAD_REQUEST_AND_CLOSE)
                        .sends(P + "Transfer-\r\nEncoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .build(),

                // A bare CR after the last field must not end the header section (HTTP Garden #30).
                Case.of("9112-5/16", "HDR-16", Level.MUST, "bare CR starting a line (\\rZGET /evil: …)")
                        .rfc(SECTION_2_2, "A recipient of such a bare CR MUST consider that element to be invalid or "
                                + "replace each bare CR with SP before processing the element or forwarding the "
                                + "message.")
                        .sends(G + "\rZGET /evil: HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .hint("Treat a CR not followed by LF as an error: answer 400 and close.")
                        .build());
    }

    /** HDR-01: whitespace between a field name and its colon. */
    private static Case spaceBeforeColon(String id, String name, String octet) {
        return Case.of(id, "HDR-01", Level.MUST, name + " between field name and colon (X-A" + (octet.equals("\t")
                        ? "\\t" : " ") + ": b)")
                .rfc("RFC 9112 §5.1", SPACE_BEFORE_COLON)
                .sends(G + "X-A" + octet + ": b\r\n\r\n")
                .pass(Expect.status(400))
                .nonStrict(Expect.closeWithoutResponse())
                .hint("Answer 400 to a field line with whitespace before its colon.")
                .build();
    }

    /** HDR-03: a field line without a colon. */
    private static Case noColon(String id, String title, String text) {
        return Case.of(id, "HDR-03", Level.SHOULD, title)
                .rfc(SECTION_2_2, BAD_REQUEST_AND_CLOSE)
                .sends(text)
                .pass(rejected())
                .nonStrict(halfRejected())
                .build();
    }

    /** HDR-04: a field line with an empty name. */
    private static Case emptyName(String id, String title, String text) {
        return Case.of(id, "HDR-04", Level.SHOULD, title)
                .rfc("RFC 9110 §5.1", FIELD_NAME)
                .sends(text)
                .pass(rejected())
                .nonStrict(halfRejected())
                .build();
    }

    /** HDR-05: a field name that is not a token; a 2xx (an unknown field ignored) is recorded as INFO. */
    private static Case badName(String id, String name) {
        String shown = name.replace("\u0001", "\\x01").replace("\u00ef", "\\xef");
        return Case.of(id, "HDR-05", Level.SHOULD, "non-token field name (" + shown + ": v)")
                .rfc("RFC 9110 §5.1", FIELD_NAME)
                .probe(refusalWatched(G + name + ": v\r\n\r\n"))
                .pass(rejected())
                .nonStrict(halfRejected())
                .info(Expect.success())
                .build();
    }

    /** HDR-06: NUL in a field value; a 2xx is conformant only if /echo shows the NUL replaced by SP. */
    private static Case nulInValue(String id, String title, String value, String... replaced) {
        List<String> readings = List.of(replaced);
        return Case.of(id, "HDR-06", Level.MUST, title)
                .rfc("RFC 9110 §5.5", CR_LF_NUL)
                .sends(E + "X: " + value + "\r\n\r\n")
                .pass(rejected())
                .nonStrict(halfRejected())
                .nonStrict(echoField("X", "with the NUL replaced by SP", readings::contains))
                .info(acceptedUnseen())
                .hint("Reject a field value holding NUL with 400, or replace the NUL with SP; never cut the value "
                        + "at it.")
                .build();
    }

    private static String manyLines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < MANY_LINES; i++) {
            sb.append("X-").append(i).append(": v\r\n");
        }
        return sb.toString();
    }

    private static String paddedLines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < PADDED_LINES; i++) {
            String name = String.format("X-Pad-%02d: ", i);
            sb.append(name).append("p".repeat(PADDED_LINE_OCTETS - name.length() - 2)).append("\r\n");
        }
        return sb.toString();
    }
}
