package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;

import java.util.List;

import static io.h1kit.conformance.cases.ParsingOutcomes.halfRejected;
import static io.h1kit.conformance.cases.ParsingOutcomes.http09Reply;
import static io.h1kit.conformance.cases.ParsingOutcomes.rejected;

/** The HTTP-version of the request-line (RFC 9112 §2.3, RFC 9110 §6.2): VER rows. */
public final class Rfc9112Section2_3HttpVersion implements CaseSource {
    private static final String RESPONSE_VERSION = "A server SHOULD send a response version equal to the highest "
            + "version to which the server is conformant that has a major version less than or equal to the one "
            + "received in the request.";
    private static final String HIGHER_MINOR = "A recipient that receives a message with a major version number that "
            + "it implements and a minor version number higher than what it implements SHOULD process the message as "
            + "if it were in the highest minor version within that major version to which the recipient is "
            + "conformant.";
    private static final String VERSION_505 = "A server can send a 505 (HTTP Version Not Supported) response if it "
            + "wishes, for any reason, to refuse service of the client's major protocol version.";
    private static final String GRAMMAR = "HTTP-version  = HTTP-name \"/\" DIGIT \".\" DIGIT";
    private static final String CASE_SENSITIVE = "HTTP-version is case-sensitive.";

    @Override
    public List<Case> cases() {
        return List.of(
                // Lvl "—" in the catalogue: SHOULD, from the response-version sentence. Host is not
                // required of HTTP/1.0, so accepting it is expected; a 400 is a safe refusal.
                Case.of("9112-2.3/01", "VER-01", Level.SHOULD, "HTTP/1.0 request without Host")
                        .rfc("RFC 9110 §6.2", RESPONSE_VERSION)
                        .sends("GET / HTTP/1.0\r\n\r\n")
                        .pass(successAsHttp11())
                        .nonStrict(Expect.status(400))
                        .build(),

                Case.of("9112-2.3/02", "VER-02", Level.SHOULD, "higher minor version (HTTP/1.2)")
                        .rfc("RFC 9110 §6.2", HIGHER_MINOR)
                        .sends("GET / HTTP/1.2\r\nHost: {host}\r\n\r\n")
                        .pass(successAsHttp11())
                        .nonStrict(Expect.status(505, 400))
                        .build(),

                // Apache answers these as HTTP/1.x even in its strict mode: recorded as INFO.
                majorVersion("9112-2.3/03a", "HTTP/2.0"),
                majorVersion("9112-2.3/03b", "HTTP/3.0"),

                // One DIGIT each side of the dot: more digits, leading zeros and overflow bait are invalid.
                badVersion("9112-2.3/04a", "VER-04", "HTTP/1.11", GRAMMAR),
                badVersion("9112-2.3/04b", "VER-04", "HTTP/10.0", GRAMMAR),
                badVersion("9112-2.3/04c", "VER-04", "HTTP/01.1", GRAMMAR),
                badVersion("9112-2.3/04d", "VER-04", "HTTP/4294967295.255", GRAMMAR),
                badVersion("9112-2.3/04e", "VER-04", "HTTP/1.32", GRAMMAR),

                badVersion("9112-2.3/05", "VER-05", "http/1.1", CASE_SENSITIVE),

                badVersion("9112-2.3/06a", "VER-06", "HTTP/1", GRAMMAR),
                badVersion("9112-2.3/06b", "VER-06", "HTTP/ 1.1", GRAMMAR),
                badVersion("9112-2.3/06c", "VER-06", "HTTP/1.1x", GRAMMAR),
                badVersion("9112-2.3/06d", "VER-06", "HTT/1.1", GRAMMAR),
                badVersion("9112-2.3/06e", "VER-06", "HTTP/", GRAMMAR),
                badVersion("9112-2.3/06f", "VER-06", "HTTP/\r\r1.1", GRAMMAR),

                // Lvl "—" in the catalogue: SHOULD, as VER-01. No 1.x response has a major version at
                // or below 0, so the server refuses; a reply in HTTP/0.9 is recorded as INFO.
                Case.of("9112-2.3/07", "VER-07", Level.SHOULD, "HTTP/0.9 as the version (GET / HTTP/0.9)")
                        .rfc("RFC 9110 §6.2", VERSION_505)
                        .sends("GET / HTTP/0.9\r\n\r\n")
                        .pass(Expect.status(505, 400))
                        .info(http09Reply())
                        .lintExempt("RESP-05") // an HTTP/0.9 reply has no status line by design
                        .build());
    }

    /** VER-03: a major version the server does not speak. */
    private static Case majorVersion(String id, String version) {
        return Case.of(id, "VER-03", Level.MAY, "unsupported major version (" + version + ")")
                .rfc("RFC 9110 §6.2", VERSION_505)
                .sends("GET / " + version + "\r\nHost: {host}\r\n\r\n")
                .pass(Expect.status(505))
                .nonStrict(Expect.status(400))
                .info(Expect.success())
                .build();
    }

    /** VER-04 to VER-06: an HTTP-version outside the grammar; 505 is the lenient answer. */
    private static Case badVersion(String id, String ref, String version, String quote) {
        return Case.of(id, ref, Level.SHOULD, "malformed version (GET / " + version.replace("\r", "\\r") + ")")
                .rfc("RFC 9112 §2.3", quote)
                .sends("GET / " + version + "\r\nHost: {host}\r\n\r\n")
                .pass(rejected())
                .nonStrict(Expect.status(505))
                .nonStrict(halfRejected())
                .build();
    }

    private static Expectation successAsHttp11() {
        return Expect.first("2xx with the status-line HTTP/1.1",
                r -> r.status() / 100 == 2 && "HTTP/1.1".equals(r.version()));
    }
}
