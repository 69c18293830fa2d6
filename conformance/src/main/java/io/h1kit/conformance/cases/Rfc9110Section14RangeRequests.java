package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Fixture;
import io.h1kit.conformance.model.Level;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static io.h1kit.conformance.cases.SemanticRequests.NOT_APPLICABLE;
import static io.h1kit.conformance.cases.SemanticRequests.Needs.ETAG;
import static io.h1kit.conformance.cases.SemanticRequests.Needs.LAST_MODIFIED;
import static io.h1kit.conformance.cases.SemanticRequests.Needs.NOTHING;
import static io.h1kit.conformance.cases.SemanticRequests.Needs.STRONG_ETAG;
import static io.h1kit.conformance.cases.SemanticRequests.requests;
import static io.h1kit.conformance.cases.SemanticRequests.wholeF;
import static io.h1kit.conformance.cases.SemanticRequests.withValidators;
import static io.h1kit.conformance.model.Fixture.F_PATH;

/**
 * Range requests (RFC 9110 §14) on the fixture file /f, whose 1000 bytes are "0123456789" a
 * hundred times, so every part's content is known. The requests go through rest-assured; the
 * catalogue's "e1" and L come from a first GET of /f where a case needs them.
 */
public final class Rfc9110Section14RangeRequests implements CaseSource {
    private static final String RANGE = "Range";
    private static final long LENGTH = Fixture.F_CONTENT.length();
    private static final String IGNORE_QUOTE = "A server MAY ignore the Range header field.";
    private static final String PARTIAL_QUOTE = "the server SHOULD send a 206 (Partial Content) response with content "
            + "containing one or more partial representations that correspond to the satisfiable range-spec(s) requested.";
    /** RANGE-09: how large an answer to 1,000 overlapping ranges may be: twice the file, plus multipart framing. */
    private static final long AMPLIFICATION_LIMIT = 2 * LENGTH + 1024;

    @Override
    public List<Case> cases() {
        return List.of(
                // RFC 9110 §14.2: a satisfiable range SHOULD get a 206 with exactly that part; a server
                // that does not do ranges MAY ignore the field and send the whole file.
                Case.of("9110-14/01", "RANGE-01", Level.SHOULD, "GET /f with Range: bytes=0-4")
                        .rfc("RFC 9110 §14.2", PARTIAL_QUOTE)
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE, "bytes=0-4")))
                        .pass(partial(0, 4))
                        .nonStrict(wholeF())
                        .hint("Answer 206 with Content-Range: bytes 0-4/1000 and the five bytes 01234.")
                        .build(),

                // RFC 9110 §14.1.2: a suffix-range selects the last N bytes.
                Case.of("9110-14/02a", "RANGE-02", Level.SHOULD, "GET /f with Range: bytes=-5 (suffix)")
                        .rfc("RFC 9110 §14.1.2", "A client can request the last N bytes (N > 0) of the selected "
                                + "representation using a suffix-range.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE, "bytes=-5")))
                        .pass(partial(995, 999))
                        .nonStrict(wholeF())
                        .hint("bytes=-5 means the last five bytes: Content-Range: bytes 995-999/1000.")
                        .build(),

                // RFC 9110 §14.1.2: an absent last-pos means "to the end".
                Case.of("9110-14/02b", "RANGE-02", Level.SHOULD, "GET /f with Range: bytes=995- (open-ended)")
                        .rfc("RFC 9110 §14.1.2", "If the last-pos value is absent, or if the value is greater than or "
                                + "equal to the current length of the representation data, the byte range is interpreted "
                                + "as the remainder of the representation")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE, "bytes=995-")))
                        .pass(partial(995, 999))
                        .nonStrict(wholeF())
                        .hint("bytes=995- runs to the end: Content-Range: bytes 995-999/1000.")
                        .build(),

                // RFC 9110 §14.1.2: a last-pos past the end is clamped to the end.
                Case.of("9110-14/03", "RANGE-03", Level.SHOULD, "GET /f with Range: bytes=0-99999 (past the end)")
                        .rfc("RFC 9110 §14.1.2", "If the last-pos value is absent, or if the value is greater than or "
                                + "equal to the current length of the representation data, the byte range is interpreted "
                                + "as the remainder of the representation")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE, "bytes=0-99999")))
                        .pass(partial(0, 999))
                        .nonStrict(wholeF())
                        .hint("Clamp last-pos to length - 1: Content-Range: bytes 0-999/1000; it is not a 416.")
                        .build(),

                // RFC 9110 §14.2 and §15.5.17: no range overlaps the file, so 416, which SHOULD carry
                // Content-Range: bytes */1000. Ignoring the field (200) is allowed too.
                Case.of("9110-14/04", "RANGE-04", Level.SHOULD, "GET /f with Range: bytes=1000- (starts at the end)")
                        .rfc("RFC 9110 §15.5.17", "When this status code is generated in response to a byte-range request, "
                                + "the sender SHOULD generate a Content-Range header field specifying the current length "
                                + "of the selected representation")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE, "bytes=1000-")))
                        .pass(Expect.first("416 with Content-Range: bytes */1000",
                                r -> r.status() == 416 && contentRange(r).equals("bytes */" + LENGTH)))
                        .nonStrict(Expect.status(416))
                        .nonStrict(wholeF())
                        .hint("A first-pos at or past the length is unsatisfiable: 416 with Content-Range: bytes */1000.")
                        .build(),

                rangeIgnoredOrRejected("9110-14/05a", "bytes=5-2", "last-pos before first-pos"),
                rangeIgnoredOrRejected("9110-14/05b", "bytes=x-y", "not numbers"),
                rangeIgnoredOrRejected("9110-14/05c", "bytes=", "no range"),

                // RFC 9110 §14.2: an unknown unit is ignored; 416 would claim to understand it.
                Case.of("9110-14/06", "RANGE-06", Level.MUST, "GET /f with Range: items=0-5 (unknown unit)")
                        .rfc("RFC 9110 §14.2", "An origin server MUST ignore a Range header field that contains a range "
                                + "unit it does not understand.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE, "items=0-5")))
                        .pass(wholeF())
                        .hint("Only the bytes unit means anything to a static file: ignore others and send 200.")
                        .build(),

                // RFC 9110 §14.2: range handling is defined for GET only.
                Case.of("9110-14/07", "RANGE-07", Level.MUST, "POST /echo with Range: bytes=0-1")
                        .rfc("RFC 9110 §14.2", "A server MUST ignore a Range header field received with a request method "
                                + "that is unrecognized or for which range handling is not defined.")
                        .requires(Capability.ECHO_FIXTURE)
                        .probe(requests(s -> s.post("/echo", "range-07", RANGE, "bytes=0-1")))
                        .pass(Expect.that("a response other than 206", o -> o.count() > 0 && o.status() != 206))
                        .hint("Honour Range for GET only; a POST is processed as if it were absent.")
                        .build(),

                // RFC 9110 §14.6 and §15.3.7.2: two ranges may come as multipart/byteranges (no Content-Range
                // at the top), coalesced into one part, or not at all.
                Case.of("9110-14/08", "RANGE-08", Level.MAY, "GET /f with Range: bytes=0-1,5-6 (two ranges)")
                        .rfc("RFC 9110 §14.6", "When multiple ranges are requested, a server MAY coalesce any of the "
                                + "ranges that overlap, or that are separated by a gap that is smaller than the overhead of "
                                + "sending multiple parts, regardless of the order in which the corresponding range-spec "
                                + "appeared in the received Range header field.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE, "bytes=0-1,5-6")))
                        .pass(multipart())
                        .pass(partial(0, 6))
                        .pass(wholeF())
                        .hint("Send multipart/byteranges with a Content-Range in each part (none at the top), one "
                                + "coalesced part bytes 0-6/1000, or the whole file.")
                        .build(),

                // RFC 9110 §17.15: many overlapping ranges are an amplification attack (CVE-2011-3192).
                // Level HARDENING: "ought" is the only keyword, and the point is the server's safety.
                Case.of("9110-14/09", "RANGE-09", Level.HARDENING, "GET /f with Range: 1,000 overlapping bytes=0- ranges")
                        .rfc("RFC 9110 §17.15", "Servers ought to ignore, coalesce, or reject egregious range requests, "
                                + "such as requests for more than two overlapping ranges or for many small ranges in a "
                                + "single set, particularly when the ranges are requested out of order for no apparent "
                                + "reason.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE,
                                "bytes=" + String.join(",", Collections.nCopies(1000, "0-")))))
                        .pass(wholeF())
                        .pass(Expect.status(416))
                        .pass(Expect.first("206 no larger than twice the file", r -> r.status() == 206
                                && r.body().length <= AMPLIFICATION_LIMIT))
                        .nonStrict(Expect.status(4))
                        .hint("Coalesce overlapping ranges, cap their number, or ignore the field: never send the "
                                + "file once per range.")
                        .build(),

                // RFC 9110 §13.1.5: If-Range with the current strong tag lets the Range apply.
                Case.of("9110-14/10a", "RANGE-10", Level.MUST, "GET /f with If-Range: \"e1\" and Range: bytes=0-4")
                        .rfc("RFC 9110 §13.1.5", "If the entity-tag validator provided exactly matches the ETag field "
                                + "value for the selected representation using the strong comparison function (Section "
                                + "8.8.3.2), the condition is true.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(STRONG_ETAG, s -> s.get(F_PATH, "If-Range", s.etag(), RANGE, "bytes=0-4")))
                        .info(NOT_APPLICABLE)
                        .pass(partial(0, 4))
                        .nonStrict(wholeF()) // a server that ignores ranges ignores If-Range too (§14.2)
                        .hint("If-Range equal to the current strong ETag: honour the Range (206).")
                        .build(),

                // RFC 9110 §13.1.5: a weak tag never matches strongly, so the Range is ignored.
                Case.of("9110-14/10b", "RANGE-10", Level.MUST, "GET /f with If-Range: W/\"e1\" and Range: bytes=0-4")
                        .rfc("RFC 9110 §13.1.5", "A recipient of an If-Range header field MUST ignore the Range header "
                                + "field if the If-Range condition evaluates to false.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ETAG, s -> s.get(F_PATH, "If-Range", s.weakEtag(), RANGE, "bytes=0-4")))
                        .info(NOT_APPLICABLE)
                        .pass(wholeF())
                        .hint("If-Range compares strongly: a W/ tag is false, so send the whole file with 200.")
                        .build(),

                // RFC 9110 §13.1.5: a date that is not exactly Last-Modified is false.
                Case.of("9110-14/10c", "RANGE-10", Level.MUST, "GET /f with If-Range: a day before L and Range: bytes=0-4")
                        .rfc("RFC 9110 §13.1.5", "A recipient of an If-Range header field MUST ignore the Range header "
                                + "field if the If-Range condition evaluates to false.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(LAST_MODIFIED,
                                s -> s.get(F_PATH, "If-Range", s.lastModifiedPlus(Duration.ofDays(-1)), RANGE, "bytes=0-4")))
                        .info(NOT_APPLICABLE)
                        .pass(wholeF())
                        .hint("If-Range with a date holds only when it equals Last-Modified exactly; else send 200.")
                        .build(),

                // RFC 9110 §14.2: preconditions first; a 304 wins over the Range.
                Case.of("9110-14/11", "RANGE-11", Level.MUST, "GET /f with If-None-Match: \"e1\" and Range: bytes=0-4")
                        .rfc("RFC 9110 §14.2", "In other words, Range is ignored when a conditional GET would result in "
                                + "a 304 (Not Modified) response.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ETAG, s -> s.get(F_PATH, "If-None-Match", s.etag(), RANGE, "bytes=0-4")))
                        .info(NOT_APPLICABLE)
                        .pass(Expect.status(304))
                        .hint("Evaluate If-None-Match before Range: a match answers 304, not 206.")
                        .build(),

                // RFC 9110 §14.1.2: a last-pos no 64-bit integer holds; clamped, it is the whole file.
                Case.of("9110-14/12", "RANGE-12", Level.MUST, "GET /f with Range: bytes=0-99999999999999999999999")
                        .rfc("RFC 9110 §14.1.2", "recipients MUST anticipate potentially large decimal numerals and "
                                + "prevent parsing errors due to integer conversion overflows.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(requests(s -> s.get(F_PATH, RANGE, "bytes=0-99999999999999999999999")))
                        .pass(partial(0, 999))
                        .pass(wholeF())
                        .pass(Expect.status(416))
                        .hint("Parse range positions with an overflow guard; a huge last-pos means \"to the end\".")
                        .build(),

                // RFC 9110 §15.3.7: the 206 carries the validators and caching fields the 200 does.
                Case.of("9110-14/13", "RANGE-13", Level.MUST, "the 206 to Range: bytes=0-4 compared with the 200")
                        .rfc("RFC 9110 §15.3.7", "A server that generates a 206 response MUST generate the following "
                                + "header fields, in addition to those required in the subsections below, if the field "
                                + "would have been sent in a 200 (OK) response to the same request: Date, Cache-Control, "
                                + "ETag, Expires, Content-Location, and Vary.")
                        .requires(Capability.FILE_FIXTURE)
                        .dependsOn(Case.HTTP_BASELINE, "9110-14/01")
                        .probe(withValidators(NOTHING, s -> s.judgeFetched().get(F_PATH, RANGE, "bytes=0-4")))
                        .info(NOT_APPLICABLE)
                        .info(Expect.that("no 206 to compare (ranges ignored, see RANGE-01)",
                                o -> o.count() < 2 || o.response(1).status() != 206))
                        .pass(SemanticRequests.sameFieldsAs200("206", false))
                        .hint("Send on a 206 the Date, ETag, Cache-Control, Expires, Vary and Content-Location the "
                                + "200 carries.")
                        .build());
    }

    /**
     * RANGE-05: RFC 9110 §14.2 lets a server ignore (200) or reject (416; 400 is the safe
     * alternative) an invalid ranges-specifier; ignoring is what the catalogue prefers.
     */
    private static Case rangeIgnoredOrRejected(String id, String value, String why) {
        return Case.of(id, "RANGE-05", Level.MAY, "GET /f with Range: " + value + " (invalid: " + why + ")")
                .rfc("RFC 9110 §14.2", "A server that supports range requests MAY ignore or reject a Range header "
                        + "field that contains an invalid ranges-specifier (Section 14.1.1), a ranges-specifier with "
                        + "more than two overlapping ranges, or a set of many small ranges that are not listed in "
                        + "ascending order, since these are indications of either a broken client or a deliberate "
                        + "denial-of-service attack (Section 17.15).")
                .requires(Capability.FILE_FIXTURE)
                .probe(requests(s -> s.get(F_PATH, RANGE, value)))
                .pass(wholeF())
                .nonStrict(Expect.status(416, 400))
                .build();
    }

    /** 206 with Content-Range: bytes first-last/1000, exactly those bytes, and a matching Content-Length if any. */
    private static Expectation partial(int first, int last) {
        String range = "bytes " + first + "-" + last + "/" + LENGTH;
        byte[] part = Fixture.F_CONTENT.substring(first, last + 1).getBytes(StandardCharsets.US_ASCII);
        return Expect.first("206 with Content-Range: " + range + " and those " + part.length + " bytes", r -> {
            String length = r.field("Content-Length");
            return r.status() == 206 && contentRange(r).equals(range) && Arrays.equals(r.body(), part)
                    && (length == null || length.strip().equals(String.valueOf(part.length)));
        });
    }

    /** RANGE-08: a multipart/byteranges 206 with no top-level Content-Range and a part for each range. */
    private static Expectation multipart() {
        return Expect.first("206 multipart/byteranges with parts 0-1 and 5-6", r -> {
            String type = r.field("Content-Type");
            String body = new String(r.body(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            return r.status() == 206 && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/byteranges")
                    && r.field("Content-Range") == null
                    && body.contains("content-range: bytes 0-1/" + LENGTH) && body.contains("content-range: bytes 5-6/" + LENGTH);
        });
    }

    /** The Content-Range value, trimmed, its unit in lower case ("" when absent). */
    private static String contentRange(WireResponse r) {
        String value = r.field("Content-Range");
        if (value == null) {
            return "";
        }
        value = value.strip();
        return value.regionMatches(true, 0, "bytes ", 0, 6) ? "bytes " + value.substring(6).strip() : value;
    }
}
