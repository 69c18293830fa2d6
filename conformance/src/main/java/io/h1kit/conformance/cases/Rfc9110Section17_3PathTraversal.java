package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.Transcript;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Fixture;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Probe;
import io.h1kit.conformance.model.Read;
import io.h1kit.conformance.model.Verdict;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Path normalisation and traversal (RFC 9110 §17.3) on the static-file fixture: PATH rows. Every
 * request goes through the raw {@code Connection}, byte for byte: encoded dots, backslashes, NUL,
 * overlong UTF-8 and dot-segments are exactly what a client library would normalise or refuse.
 * The fixture's canary lies one level above the document root; its content in any byte received
 * fails the case, whatever the status.
 */
public final class Rfc9110Section17_3PathTraversal implements CaseSource {
    private static final String TRAVERSAL_QUOTE = "an origin server needs to avoid accessing names that have a special "
            + "significance to the system when mapping the target resource to files, folders, or directories.";
    private static final String CHARACTERS_QUOTE = "local storage systems have an annoying tendency to prefer "
            + "user-friendliness over security when handling invalid or unexpected characters, recomposition of "
            + "decomposed characters, and case-normalization of case-insensitive names.";
    private static final String TRAVERSAL_HINT = "Map the path segment by segment under the root, decoding each "
            + "segment once, and refuse (404) any \"..\" that would leave the root, before touching the file system.";
    /** An /etc/passwd line, for a target deployed elsewhere than the fixture. */
    private static final Pattern PASSWD = Pattern.compile("root:[^:\\n]*:0:0:");
    private static final String UNRESERVED_QUOTE = "URIs that differ in the replacement of an unreserved character with "
            + "its corresponding percent-encoded US-ASCII octet are equivalent: they identify the same resource.";
    private static final String RESERVED_QUOTE = "URIs that differ in the replacement of a reserved character with its "
            + "corresponding percent-encoded octet are not equivalent.";

    /** The canary, or an /etc/passwd line, among the bytes received on any connection of the case. */
    private static final Expectation LEAK = Expect.that("the canary's content (or /etc/passwd) in a response", o -> {
        for (Transcript t : o.transcripts()) {
            String received = new String(t.received().bytes(), StandardCharsets.ISO_8859_1);
            if (received.contains(Fixture.CANARY_CONTENT.strip()) || PASSWD.matcher(received).find()) {
                return true;
            }
        }
        return false;
    });

    /** The fact holding the control response of PATH-08 (the normalised path's answer). */
    private static final String CONTROL = "the normalised path was answered";

    @Override
    public List<Case> cases() {
        return List.of(
                traversal("9110-17.3/01a", "PATH-01", "/../canary", "RFC 9110 §17.3", TRAVERSAL_QUOTE, true),
                traversal("9110-17.3/01b", "PATH-01", "/../../../../etc/passwd", "RFC 9110 §17.3", TRAVERSAL_QUOTE, true),

                // RFC 3986 §2.3: %2E is "." (unreserved), so these are dot-segments after decoding.
                traversal("9110-17.3/02a", "PATH-02", "/%2e%2e/canary", "RFC 3986 §2.3", UNRESERVED_QUOTE, true),
                traversal("9110-17.3/02b", "PATH-02", "/.%2e/canary", "RFC 3986 §2.3", UNRESERVED_QUOTE, true),
                traversal("9110-17.3/02c", "PATH-02", "/%2E%2E/canary", "RFC 3986 §2.3", UNRESERVED_QUOTE, true),

                // RFC 3986 §2.2: %2F is data, not a separator; decoding it first makes "../".
                traversal("9110-17.3/03a", "PATH-03", "/..%2fcanary", "RFC 3986 §2.2", RESERVED_QUOTE, false),
                traversal("9110-17.3/03b", "PATH-03", "/a%2f..%2f..%2fcanary", "RFC 3986 §2.2", RESERVED_QUOTE, false),

                // RFC 3986 §2.4: decoding twice turns %252e into "." after all.
                traversal("9110-17.3/04", "PATH-04", "/%252e%252e/canary", "RFC 3986 §2.4", "Implementations must not "
                        + "percent-encode or decode the same string more than once, as decoding an already decoded string "
                        + "might lead to misinterpreting a percent data octet as the beginning of a percent-encoding, or "
                        + "vice versa in the case of percent-encoding an already percent-encoded string.", false),

                // RFC 9110 §17.3: a backslash is a separator on some systems.
                rawTraversal("9110-17.3/05a", "PATH-05", "/..\\canary", "a raw backslash"),
                traversal("9110-17.3/05b", "PATH-05", "/%5c..%5ccanary", "RFC 9110 §17.3", CHARACTERS_QUOTE, false),

                // RFC 9110 §17.3: C0 AE and C0 AF are overlong forms of "." and "/", invalid UTF-8.
                traversal("9110-17.3/06a", "PATH-06", "/%c0%ae%c0%ae/canary", "RFC 9110 §17.3", CHARACTERS_QUOTE, false),
                rawTraversal("9110-17.3/06b", "PATH-06", "/..\u00c0\u00afcanary", "raw overlong UTF-8 for /"),

                // RFC 9110 §17.3: a NUL must not cut the name short (c.txt%00.html is not c.txt).
                truncation("9110-17.3/07a", "/a/c.txt%00.html", false),
                truncation("9110-17.3/07b", "/a/c.txt\u0000", true),

                // RFC 3986 §6.2.2.3: dot-segments are removed, within the root.
                dotSegments("9110-17.3/08a", "/a/./b/../c.txt", Fixture.C_PATH),
                dotSegments("9110-17.3/08b", "/a/b/..", "/a/"),
                dotSegments("9110-17.3/08c", "/a/.", "/a/"),
                dotSegments("9110-17.3/08d", "/a/..?x", "/?x"),

                // RFC 3986 §2.3 and §6.2.2.2: %61 is "a".
                Case.of("9110-17.3/09", "PATH-09", Level.SHOULD, "GET /%61/c.txt (an encoded unreserved character)")
                        .rfc("RFC 3986 §2.3", UNRESERVED_QUOTE)
                        .requires(Capability.FILE_FIXTURE)
                        .sends(Requests.get("/%61/c.txt"), Read.responses(1).closeCheck(false))
                        .fail(LEAK)
                        .pass(servesC())
                        .nonStrict(Expect.status(404))
                        .build(),

                // INFO: no RFC merges or keeps empty segments; nginx merges them by default. Level MAY:
                // the row only records the behaviour.
                Case.of("9110-17.3/10", "PATH-10", Level.MAY, "GET //a//c.txt (empty segments)")
                        .rfc("RFC 9110 §4.1", "absolute-path = 1*( \"/\" segment )")
                        .requires(Capability.FILE_FIXTURE)
                        .sends(Requests.get("//a//c.txt"), Read.responses(1).closeCheck(false))
                        .fail(LEAK)
                        .info(servesC())
                        .info(Expect.status(404))
                        .otherwise(Verdict.INFO)
                        .build(),

                // RFC 9112 §11.1: a decoded CR LF must never reach the header section.
                Case.of("9110-17.3/11", "PATH-11", Level.MUST, "GET /%0d%0aSet-Cookie:%20x=1 (an encoded CRLF)")
                        .rfc("RFC 9112 §11.1", "A more effective mitigation is to prevent anything other than the "
                                + "server's core protocol libraries from sending a CR or LF within the header section")
                        .requires(Capability.FILE_FIXTURE)
                        .sends(Requests.get("/%0d%0aSet-Cookie:%20x=1"), Read.responses(1).closeCheck(false))
                        .fail(LEAK)
                        .fail(Expect.that("a Set-Cookie: x=1 field injected into the response", o -> o.responses()
                                .stream().anyMatch(r -> r.fields("Set-Cookie").stream().anyMatch(v -> v.strip().startsWith("x=1")))))
                        .pass(Expect.status(400, 403, 404))
                        .hint("Never copy the decoded path into a header (Location, say) without encoding CR and LF.")
                        .build());
    }

    /**
     * PATH-01 to 04 and 05b, 06a: a well-formed request-target that tries to leave the root.
     * {@code clampable}: plain or encoded dot-segments, which RFC 3986 §5.2.4 would clamp at the
     * root, so a redirect to the clamped path is as good as a refusal.
     */
    private static Case traversal(String id, String ref, String target, String section, String quote, boolean clampable) {
        Case.Builder b = Case.of(id, ref, Level.MUST, "GET " + target + " (tries to leave the root)")
                .rfc(section, quote)
                .requires(Capability.FILE_FIXTURE)
                .sends(Requests.get(target), Read.responses(1).closeCheck(false))
                .fail(LEAK)
                .pass(Expect.status(400, 403, 404));
        if (clampable) {
            b.pass(Expect.that("a redirect (the path clamped at the root)", o -> o.status() / 100 == 3));
        }
        return b.hint(TRAVERSAL_HINT).build();
    }

    /**
     * PATH-05a, 06b: raw bytes no request-target may hold, so the request line itself is invalid;
     * RFC 9112 §3 asks for a 400 there, and a close without one is the non-strict alternative.
     */
    private static Case rawTraversal(String id, String ref, String target, String what) {
        return Case.of(id, ref, Level.MUST, "GET " + printable(target) + " (" + what + ", tries to leave the root)")
                .rfc("RFC 9110 §17.3", CHARACTERS_QUOTE)
                .requires(Capability.FILE_FIXTURE)
                .sends(Requests.get(target), Read.responses(1).closeCheck(false))
                .fail(LEAK)
                .pass(Expect.status(400, 403, 404))
                .nonStrict(Expect.closeWithoutResponse())
                .hint(TRAVERSAL_HINT)
                .build();
    }

    /** PATH-07: a NUL, encoded or raw, must not truncate the name to /a/c.txt. */
    private static Case truncation(String id, String target, boolean raw) {
        Case.Builder b = Case.of(id, "PATH-07", Level.MUST, "GET " + printable(target) + " (a NUL after /a/c.txt)")
                .rfc("RFC 9110 §17.3", CHARACTERS_QUOTE)
                .requires(Capability.FILE_FIXTURE)
                .sends(Requests.get(target), Read.responses(1).closeCheck(false))
                .fail(LEAK)
                .fail(servesC())
                .pass(Expect.status(400, 403, 404));
        if (raw) {
            b.nonStrict(Expect.closeWithoutResponse());
        }
        return b.hint("Reject a NUL (raw or %00) in the path: a C string API would stop at it and open c.txt.").build();
    }

    /**
     * PATH-08: the dot-segments of {@code target} removed give {@code normalised}, which the probe
     * GETs first as the control; the dotted request must be answered as the control was. A
     * redirect to the normalised path, or a 400, is the non-strict alternative.
     */
    private static Case dotSegments(String id, String target, String normalised) {
        return Case.of(id, "PATH-08", Level.SHOULD, "GET " + target + " (dot-segments, answered as " + normalised + ")")
                .rfc("RFC 3986 §6.2.2.3", "URI normalizers should remove dot-segments by applying the "
                        + "remove_dot_segments algorithm to the path, as described in Section 5.2.4.")
                .requires(Capability.FILE_FIXTURE)
                .probe(controlled(normalised, target))
                .fail(LEAK)
                .pass(Expect.that("the status GET " + normalised + " gets, with the same content for a file",
                        o -> o.first() != null && o.fact(CONTROL) instanceof WireResponse control
                                && o.status() == control.status()
                                && (control.status() != 200 || !normalised.equals(Fixture.C_PATH)
                                || Arrays.equals(o.first().body(), control.body()))))
                .nonStrict(Expect.that("a redirect to " + normalised, o -> redirectsTo(o.first(), normalised)))
                .nonStrict(Expect.status(400))
                .build();
    }

    /** GETs {@code control} on one connection, then {@code target} on another; the second is judged. */
    private static Probe controlled(String control, String target) {
        return ctx -> {
            Observation first = ctx.exchange(Requests.get(control), Read.responses(1).closeCheck(false));
            ctx.connections().getLast().close(); // a sequential server serves the next connection only after this one
            Observation second = ctx.exchange(Requests.get(target), Read.responses(1).closeCheck(false));
            return first.first() == null ? second : second.with(CONTROL, first.first());
        };
    }

    private static boolean redirectsTo(WireResponse r, String path) {
        if (r == null || r.status() / 100 != 3 || r.field("Location") == null) {
            return false;
        }
        try {
            URI location = URI.create(r.field("Location").strip());
            String query = location.getRawQuery();
            return path.equals(location.getRawPath() + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** 200 with the content of /a/c.txt. */
    private static Expectation servesC() {
        return Expect.first("200 with the content of " + Fixture.C_PATH,
                r -> r.status() == 200 && Arrays.equals(r.body(), Fixture.C_CONTENT.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A target with its raw bytes escaped, for a title. */
    private static String printable(String target) {
        StringBuilder sb = new StringBuilder();
        for (char c : target.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
