package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Verdict;

import java.util.List;

import static io.h1kit.conformance.cases.ParsingOutcomes.INVALID_REQUEST_LINE;
import static io.h1kit.conformance.cases.ParsingOutcomes.SECTION_3;
import static io.h1kit.conformance.cases.Requests.refusalWatched;
import static io.h1kit.conformance.cases.ParsingOutcomes.halfRejected;
import static io.h1kit.conformance.cases.ParsingOutcomes.rejected;

/** The four request-target forms (RFC 9112 §3.2): TGT rows. */
public final class Rfc9112Section3_2RequestTarget implements CaseSource {
    private static final String ABSOLUTE_FORM = "A server MUST accept the absolute-form in requests even though most "
            + "HTTP/1.1 clients will only send the absolute-form to a proxy.";
    private static final String EMPTY_PATH = "When not being used as the target of an OPTIONS request, an empty path "
            + "component is equivalent to an absolute path of \"/\", so the normal form is to provide a path of \"/\" "
            + "instead.";
    private static final String IGNORE_HOST = "When an origin server receives a request with an absolute-form of "
            + "request-target, the origin server MUST ignore the received Host header field (if any) and instead use "
            + "the host information of the request-target.";
    private static final String USERINFO = "Before making use of an \"http\" or \"https\" URI reference received "
            + "from an untrusted source, a recipient SHOULD parse for userinfo and treat its presence as an error";
    private static final String MISDIRECTED = "Unless the connection is from a trusted gateway, an origin server MUST "
            + "reject a request if any scheme-specific requirements for the target URI are not met.";
    private static final String ASTERISK_FORM = "The \"asterisk-form\" of request-target is only used for a "
            + "server-wide OPTIONS request (Section 9.3.7 of [HTTP]).";
    private static final String AUTHORITY_FORM = "The \"authority-form\" of request-target is only used for CONNECT "
            + "requests (Section 9.3.6 of [HTTP]).";
    private static final String CONNECT = "An origin server MAY accept a CONNECT request, but most origin servers do "
            + "not implement CONNECT.";
    private static final String AUTOCORRECT = "A recipient SHOULD NOT attempt to autocorrect and then process the "
            + "request without a redirect, since the invalid request-line might be deliberately crafted to bypass "
            + "security filters along the request chain.";
    private static final String URI_CHARACTERS = "A URI is composed from a limited set of characters consisting of "
            + "digits, letters, and a few graphic symbols.";
    private static final String PERCENT_ENCODING = "A percent-encoded octet is encoded as a character triplet, "
            + "consisting of the percent character \"%\" followed by the two hexadecimal digits representing that "
            + "octet's numeric value.";

    @Override
    public List<Case> cases() {
        return List.of(
                // 400 to the absolute-form fails: HP's verdict was the wrong way round (#29).
                Case.of("9112-3.2/01", "TGT-01", Level.MUST, "absolute-form (GET http://host/)")
                        .rfc("RFC 9112 §3.2.2", ABSOLUTE_FORM)
                        .sends("GET http://{host}/ HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(Expect.success())
                        .hint("Accept a request-target of the form http://host/path and serve path from it.")
                        .build(),

                Case.of("9112-3.2/02", "TGT-02", Level.MUST, "absolute-form with an empty path (GET http://host)")
                        .rfc("RFC 9110 §4.2.3", EMPTY_PATH)
                        .sends("GET http://{host} HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(Expect.success())
                        .hint("Read an absolute-form target without a path as the path \"/\".")
                        .build(),

                // Which host answered can only be seen with two virtual hosts, which the suite has no
                // fixture for: every outcome is recorded as INFO.
                Case.of("9112-3.2/03", "TGT-03", Level.MUST, "absolute-form host a.test with Host: b.test")
                        .rfc("RFC 9112 §3.2.2", IGNORE_HOST)
                        .sends("GET http://a.test/ HTTP/1.1\r\nHost: b.test\r\n\r\n")
                        .info(Expect.success())
                        .info(Expect.status(400, 421))
                        .otherwise(Verdict.INFO)
                        .build(),

                Case.of("9112-3.2/04", "TGT-04", Level.SHOULD, "userinfo in the absolute-form (http://u@host/)")
                        .rfc("RFC 9110 §4.2.4", USERINFO)
                        .probe(refusalWatched("GET http://u@{host}/ HTTP/1.1\r\nHost: {host}\r\n\r\n"))
                        .pass(rejected())
                        .nonStrict(Expect.success())
                        .nonStrict(halfRejected())
                        .build(),

                // 421 (Misdirected Request) is the RFC's own word for a target the origin will not serve.
                badAuthority("9112-3.2/05a", Level.SHOULD, "scheme ftp (GET ftp://host/)", "ftp://{host}/", true),
                badAuthority("9112-3.2/05b", Level.SHOULD, "NUL in the scheme (GET ht\\0tp://host/)", "ht\0tp://{host}/",
                        false),
                // A port of 0 or above 65535 is no TCP port; RFC 3986 sets no range, so these are hardening.
                badAuthority("9112-3.2/05c", Level.HARDENING, "port 0 (GET http://host:0/)", "http://{host}:0/", true),
                badAuthority("9112-3.2/05d", Level.HARDENING, "port 65536 (GET http://host:65536/)",
                        "http://{host}:65536/", true),

                Case.of("9112-3.2/06", "TGT-06", Level.SHOULD, "asterisk-form with GET (GET *)")
                        .rfc("RFC 9112 §3.2.4", ASTERISK_FORM)
                        .sends("GET * HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(Expect.status(404, 405))
                        .nonStrict(halfRejected())
                        .build(),

                // Answering OPTIONS * is a capability; refusing it is recorded, not failed.
                Case.of("9112-3.2/07", "TGT-07", Level.MAY, "OPTIONS *")
                        .rfc("RFC 9112 §3.2.4", ASTERISK_FORM)
                        .sends("OPTIONS * HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(Expect.success())
                        .info(Expect.status(4, 501))
                        .build(),

                Case.of("9112-3.2/08", "TGT-08", Level.SHOULD, "authority-form with GET (GET host:80)")
                        .rfc("RFC 9112 §3.2.3", AUTHORITY_FORM)
                        .sends("GET {host}:80 HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(rejected())
                        .nonStrict(halfRejected())
                        .build(),

                // An origin that opened a tunnel (2xx) would act as a proxy: FAIL.
                Case.of("9112-3.2/09", "TGT-09", Level.SHOULD, "CONNECT host:443 sent to an origin server")
                        .rfc("RFC 9110 §9.3.6", CONNECT)
                        .sends("CONNECT {host}:443 HTTP/1.1\r\nHost: {host}:443\r\n\r\n")
                        .pass(Expect.status(405, 501, 400))
                        .build(),

                // The row's "/a#f" becomes "/#f", so that a server that drops the fragment serves the
                // baseline's "/" (2xx) and one that keeps it in the path (404) can be told apart.
                Case.of("9112-3.2/10", "TGT-10", Level.SHOULD, "fragment in the target (GET /#f)")
                        .rfc(SECTION_3, INVALID_REQUEST_LINE)
                        .probe(refusalWatched("GET /#f HTTP/1.1\r\nHost: {host}\r\n\r\n"))
                        .pass(rejected())
                        .nonStrict(Expect.success())
                        .nonStrict(halfRejected())
                        .build(),

                // 400, or a 301 to the encoded target; serving "/a" or "/a b" silently is autocorrecting.
                Case.of("9112-3.2/11", "TGT-11", Level.SHOULD, "SP inside the target (GET /a b)")
                        .rfc(SECTION_3, AUTOCORRECT)
                        .sends("GET /a b HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(rejected())
                        .pass(redirectToEncoded())
                        .nonStrict(halfRejected())
                        .build(),

                controlInTarget("9112-3.2/12a", "\u0001", "\\x01"),
                controlInTarget("9112-3.2/12b", "\0", "\\0"),
                controlInTarget("9112-3.2/12c", "\u007f", "\\x7f"),

                Case.of("9112-3.2/13", "TGT-13", Level.SHOULD, "raw UTF-8 in the target (GET /caf\\xc3\\xa9)")
                        .rfc("RFC 3986 §2", URI_CHARACTERS)
                        .probe(refusalWatched("GET /caf\u00c3\u00a9 HTTP/1.1\r\nHost: {host}\r\n\r\n"))
                        .pass(rejected())
                        .nonStrict(Expect.status(2, 404))
                        .nonStrict(halfRejected())
                        .build(),

                badPercent("9112-3.2/14a", "/foo%"),
                badPercent("9112-3.2/14b", "/foo%1"),
                badPercent("9112-3.2/14c", "/foo%zz"));
    }

    /** TGT-05: an absolute-form target the origin cannot serve. */
    private static Case badAuthority(String id, Level level, String title, String target, boolean misdirected) {
        Case.Builder b = Case.of(id, "TGT-05", level, title)
                .rfc("RFC 9110 §7.4", MISDIRECTED)
                .sends("GET " + target + " HTTP/1.1\r\nHost: {host}\r\n\r\n")
                .pass(rejected())
                .nonStrict(halfRejected());
        if (misdirected) {
            b.nonStrict(Expect.status(421));
        }
        return b.build();
    }

    /** TGT-12: a control octet inside the target. */
    private static Case controlInTarget(String id, String octet, String shown) {
        return Case.of(id, "TGT-12", Level.SHOULD, "control octet " + shown + " in the target (GET /" + shown + ")")
                .rfc(SECTION_3, INVALID_REQUEST_LINE)
                .sends("GET /" + octet + " HTTP/1.1\r\nHost: {host}\r\n\r\n")
                .pass(rejected())
                .nonStrict(halfRejected())
                .build();
    }

    /** TGT-14: a "%" not followed by two hex digits. 404 means the server looked the path up as it came. */
    private static Case badPercent(String id, String target) {
        return Case.of(id, "TGT-14", Level.SHOULD, "bad percent-encoding (GET " + target + ")")
                .rfc("RFC 3986 §2.1", PERCENT_ENCODING)
                .sends("GET " + target + " HTTP/1.1\r\nHost: {host}\r\n\r\n")
                .pass(Expect.status(400))
                .nonStrict(Expect.status(404))
                .build();
    }

    private static Expectation redirectToEncoded() {
        return Expect.first("301 with Location holding the encoded target (/a%20b)", r -> {
            String location = r.field("Location");
            return r.status() == 301 && location != null && location.contains("/a%20b");
        });
    }
}
