package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Verdict;

import java.time.Duration;
import java.util.List;

import static io.h1kit.conformance.cases.SemanticRequests.DATE_ON_200;
import static io.h1kit.conformance.cases.SemanticRequests.NOT_APPLICABLE;
import static io.h1kit.conformance.cases.SemanticRequests.Needs.ANY_VALIDATOR;
import static io.h1kit.conformance.cases.SemanticRequests.Needs.ETAG;
import static io.h1kit.conformance.cases.SemanticRequests.Needs.LAST_MODIFIED;
import static io.h1kit.conformance.cases.SemanticRequests.OTHER_TAG;
import static io.h1kit.conformance.cases.SemanticRequests.noContent;
import static io.h1kit.conformance.cases.SemanticRequests.nowPlus;
import static io.h1kit.conformance.cases.SemanticRequests.wholeF;
import static io.h1kit.conformance.cases.SemanticRequests.withValidators;
import static io.h1kit.conformance.model.Fixture.F_PATH;

/**
 * Conditional requests (RFC 9110 §13) on the static-file fixture: COND rows. Each probe first
 * GETs /f to learn "e1" (its ETag) and L (its Last-Modified), then sends the conditional request
 * through rest-assured; a case whose validator the target never sent is INFO (not applicable),
 * which is the catalogue's "skip the group when the server sends no validators".
 */
public final class Rfc9110Section13ConditionalRequests implements CaseSource {
    /** A path the fixture does not have. */
    static final String MISSING_PATH = "/h1kit-no-such-file";
    private static final String INM = "If-None-Match";
    private static final String IMS = "If-Modified-Since";
    private static final String INM_QUOTE = "An origin server that evaluates an If-None-Match condition MUST NOT perform "
            + "the requested method if the condition evaluates to false; instead, the origin server MUST respond with "
            + "either a) the 304 (Not Modified) status code if the request method is GET or HEAD or b) the 412 "
            + "(Precondition Failed) status code for all other request methods.";
    private static final String IMS_IGNORE_QUOTE = "A recipient MUST ignore the If-Modified-Since header field if the "
            + "received field value is not a valid HTTP-date, the field value has more than one member, or if the "
            + "request method is neither GET nor HEAD.";

    @Override
    public List<Case> cases() {
        return List.of(
                // RFC 9110 §13.1.2: a GET whose If-None-Match lists the current tag is answered 304;
                // §15.4.5: the 304 carries the ETag and Date a 200 would have, and no content.
                Case.of("9110-13/01", "COND-01", Level.MUST, "GET /f with If-None-Match: \"e1\" (its own ETag)")
                        .rfc("RFC 9110 §13.1.2", INM_QUOTE)
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ETAG, s -> s.watchingForContent().get(F_PATH, INM, s.etag())))
                        .info(NOT_APPLICABLE)
                        .pass(notModifiedWithValidators())
                        .hint("Compare If-None-Match with the file's ETag and answer 304 with ETag and Date and no "
                                + "content (no Content-Length body after the head) when one matches.")
                        .build(),

                // RFC 9110 §13.1.2: "A recipient MUST use the weak comparison function when comparing
                // entity tags for If-None-Match".
                Case.of("9110-13/02", "COND-02", Level.MUST, "GET /f with If-None-Match: W/\"e1\" (the weak form)")
                        .rfc("RFC 9110 §13.1.2", "A recipient MUST use the weak comparison function when comparing "
                                + "entity tags for If-None-Match (Section 8.8.3.2), since weak entity tags can be used "
                                + "for cache validation even if there have been changes to the representation data.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ETAG, s -> s.get(F_PATH, INM, s.weakEtag())))
                        .info(NOT_APPLICABLE)
                        .pass(Expect.status(304))
                        .hint("Weak comparison ignores the W/ prefix: W/\"x\" matches \"x\".")
                        .build(),

                // RFC 9110 §13.1.2: "*" is false when a current representation exists.
                Case.of("9110-13/03", "COND-03", Level.MUST, "GET /f with If-None-Match: *")
                        .rfc("RFC 9110 §13.1.2", "If the field value is \"*\", the condition is false if the origin "
                                + "server has a current representation for the target resource.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ANY_VALIDATOR, s -> s.get(F_PATH, INM, "*")))
                        .info(NOT_APPLICABLE)
                        .pass(Expect.status(304))
                        .hint("If-None-Match: * matches any existing file: answer 304 to GET.")
                        .build(),

                // RFC 9110 §13.1.2: one matching member of the list makes the condition false.
                Case.of("9110-13/04a", "COND-04", Level.MUST, "GET /f with If-None-Match: \"x\", \"e1\" (a list)")
                        .rfc("RFC 9110 §13.1.2", "If the field value is a list of entity tags, the condition is false "
                                + "if one of the listed tags matches the entity tag of the selected representation.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ETAG, s -> s.get(F_PATH, INM, OTHER_TAG + ", " + s.etag())))
                        .info(NOT_APPLICABLE)
                        .pass(Expect.status(304))
                        .hint("Split If-None-Match at commas (outside quotes) and compare every member.")
                        .build(),

                // RFC 9110 §13.1.2: "Otherwise, the condition is true": the control for 04a.
                Case.of("9110-13/04b", "COND-04", Level.MUST, "GET /f with If-None-Match: \"x\" (no match)")
                        .rfc("RFC 9110 §13.1.2", "Otherwise, the condition is true.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ETAG, s -> s.get(F_PATH, INM, OTHER_TAG)))
                        .info(NOT_APPLICABLE)
                        .pass(wholeF())
                        .hint("A tag that matches nothing leaves the condition true: send the file with 200.")
                        .build(),

                // RFC 9110 §13.1.3: IMS SHOULD be evaluated; the 304 is the preferred answer.
                Case.of("9110-13/05", "COND-05", Level.SHOULD, "GET /f with If-Modified-Since: L (its own Last-Modified)")
                        .rfc("RFC 9110 §13.1.3", "When an origin server receives a request that selects a representation "
                                + "and that request includes an If-Modified-Since header field without an If-None-Match "
                                + "header field, the origin server SHOULD evaluate the If-Modified-Since condition per "
                                + "Section 13.2 prior to performing the method.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(LAST_MODIFIED, s -> s.get(F_PATH, IMS, s.lastModified())))
                        .info(NOT_APPLICABLE)
                        .pass(Expect.status(304))
                        .nonStrict(wholeF())
                        .build(),

                // RFC 9110 §13.1.3: an invalid date is ignored, so the GET is answered in full.
                Case.of("9110-13/06a", "COND-06", Level.MUST, "GET /f with If-Modified-Since: garbage")
                        .rfc("RFC 9110 §13.1.3", IMS_IGNORE_QUOTE)
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ANY_VALIDATOR, s -> s.get(F_PATH, IMS, "garbage")))
                        .info(NOT_APPLICABLE)
                        .pass(wholeF())
                        .hint("An If-Modified-Since that is not one HTTP-date is ignored: neither 304 nor 400.")
                        .build(),

                // RFC 9110 §13.1.3: "more than one member" is ignored too. An HTTP-date holds a comma,
                // so a parser that reads the first date of "L, L" answers 304 here.
                Case.of("9110-13/06b", "COND-06", Level.MUST, "GET /f with If-Modified-Since: L, L (a list of two dates)")
                        .rfc("RFC 9110 §13.1.3", IMS_IGNORE_QUOTE)
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(LAST_MODIFIED, s -> s.get(F_PATH, IMS, s.lastModified() + ", " + s.lastModified())))
                        .info(NOT_APPLICABLE)
                        .pass(wholeF())
                        .hint("Parse If-Modified-Since as exactly one HTTP-date; anything after it voids the field.")
                        .build(),

                // RFC 9110 §13.1.3 and §13.2.2: with If-None-Match present, If-Modified-Since is ignored.
                Case.of("9110-13/07", "COND-07", Level.MUST, "GET /f with If-None-Match: \"x\" and If-Modified-Since: L")
                        .rfc("RFC 9110 §13.1.3", "A recipient MUST ignore If-Modified-Since if the request contains an "
                                + "If-None-Match header field")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(LAST_MODIFIED, s -> s.get(F_PATH, INM, OTHER_TAG, IMS, s.lastModified())))
                        .info(NOT_APPLICABLE)
                        .pass(wholeF())
                        .hint("Evaluate If-Modified-Since only when the request has no If-None-Match.")
                        .build(),

                // RFC 9110 §13.1.3: IMS counts only for GET and HEAD. The date lies in the future, so a
                // server that evaluated it would find the resource "not modified".
                Case.of("9110-13/08", "COND-08", Level.MUST, "POST /echo with If-Modified-Since: a future date")
                        .rfc("RFC 9110 §13.1.3", IMS_IGNORE_QUOTE)
                        .requires(Capability.ECHO_FIXTURE)
                        .probe(SemanticRequests.requests(s -> s.post("/echo", "cond-08", IMS, nowPlus(Duration.ofDays(365)))))
                        .pass(Expect.that("a response other than 304", o -> o.count() > 0 && o.status() != 304))
                        .hint("If-Modified-Since applies to GET and HEAD only; a POST is processed as if it were absent.")
                        .build(),

                // RFC 9110 §13.1.1: a false If-Match stops the method; 412 says so.
                Case.of("9110-13/09", "COND-09", Level.MUST, "GET /f with If-Match: \"x\" (no match)")
                        .rfc("RFC 9110 §13.1.1", "An origin server that evaluates an If-Match condition MUST NOT perform "
                                + "the requested method if the condition evaluates to false.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ANY_VALIDATOR, s -> s.get(F_PATH, "If-Match", OTHER_TAG)))
                        .info(NOT_APPLICABLE)
                        .pass(Expect.status(412))
                        .hint("If-Match with no matching tag (strong comparison) answers 412 Precondition Failed.")
                        .build(),

                // RFC 9110 §13.1.4: the file changed after the date given, so the condition is false.
                Case.of("9110-13/10", "COND-10", Level.MUST, "GET /f with If-Unmodified-Since: a day before L")
                        .rfc("RFC 9110 §13.1.4", "An origin server that evaluates an If-Unmodified-Since condition MUST "
                                + "NOT perform the requested method if the condition evaluates to false.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(LAST_MODIFIED,
                                s -> s.get(F_PATH, "If-Unmodified-Since", s.lastModifiedPlus(Duration.ofDays(-1)))))
                        .info(NOT_APPLICABLE)
                        .pass(Expect.status(412))
                        .hint("If-Unmodified-Since earlier than Last-Modified answers 412 Precondition Failed.")
                        .build(),

                // RFC 9110 §15.4.5 (and §8.6 for Content-Length): the 304 carries what the 200 would.
                Case.of("9110-13/11", "COND-11", Level.MUST, "the 304 to If-None-Match: \"e1\" compared with the 200")
                        .rfc("RFC 9110 §15.4.5", "The server generating a 304 response MUST generate any of the following "
                                + "header fields that would have been sent in a 200 (OK) response to the same request")
                        .requires(Capability.FILE_FIXTURE)
                        .dependsOn(Case.HTTP_BASELINE, "9110-13/01")
                        .probe(withValidators(ETAG, s -> s.judgeFetched().get(F_PATH, INM, s.etag())))
                        .info(NOT_APPLICABLE)
                        .info(Expect.that("no 304 to compare (see COND-01)",
                                o -> o.count() < 2 || o.response(1).status() != 304))
                        .pass(SemanticRequests.sameFieldsAs200("304", true))
                        .hint("Send on a 304 the ETag, Date, Cache-Control, Expires, Vary and Content-Location the 200 "
                                + "carries, and a Content-Length only if it equals the 200's.")
                        .build(),

                // RFC 9110 §13.2.1: preconditions count only where the answer would be 2xx or 412, so
                // "*" on a missing file gets the answer the same GET gets without it (404).
                Case.of("9110-13/12", "COND-12", Level.MUST, "GET " + MISSING_PATH + " with If-None-Match: *")
                        .rfc("RFC 9110 §13.2.1", "A server MUST ignore all received preconditions if its response to the "
                                + "same request without those conditions, prior to processing the request content, would "
                                + "have been a status code other than a 2xx (Successful) or 412 (Precondition Failed).")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(ANY_VALIDATOR, s -> s.get(MISSING_PATH).get(MISSING_PATH, INM, "*")))
                        .info(NOT_APPLICABLE)
                        .info(Expect.that("not applicable: " + MISSING_PATH + " answered 2xx without the condition",
                                o -> o.count() == 2 && o.response(0).status() / 100 == 2))
                        .pass(Expect.that("the same status as without the condition, not 304",
                                o -> o.count() == 2 && o.response(1).status() != 304
                                        && o.response(1).status() == o.response(0).status()))
                        .hint("A missing file answers 404 whatever its preconditions say; \"*\" is false only "
                                + "when the file exists.")
                        .build(),

                // INFO: RFC 7232 §3.3 called a future date invalid (ignore it: 200); RFC 9110 §13.1.3
                // only says to read it "in terms of the origin server's clock" (so 304 follows too).
                // Level MAY: either reading is allowed, and the row never gates.
                Case.of("9110-13/13", "COND-13", Level.MAY, "GET /f with If-Modified-Since: a year in the future")
                        .rfc("RFC 9110 §13.1.3", "A recipient MUST interpret an If-Modified-Since field value's timestamp "
                                + "in terms of the origin server's clock.")
                        .requires(Capability.FILE_FIXTURE)
                        .probe(withValidators(LAST_MODIFIED, s -> s.get(F_PATH, IMS, nowPlus(Duration.ofDays(365)))))
                        .info(NOT_APPLICABLE)
                        .pass(wholeF())
                        .nonStrict(Expect.status(304))
                        .otherwise(Verdict.INFO)
                        .build());
    }

    /** COND-01: a 304 without content, with an ETag, and a Date when the 200 had one. */
    private static Expectation notModifiedWithValidators() {
        return Expect.that("304 with ETag and Date and no content", o -> {
            WireResponse r = o.first();
            return r != null && r.status() == 304 && noContent(r) && r.field("ETag") != null
                    && (r.field("Date") != null || Boolean.FALSE.equals(o.fact(DATE_ON_200)));
        });
    }
}
