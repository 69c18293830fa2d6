package io.h1kit.http.files;

import io.h1kit.http.Fields;
import io.h1kit.http.HttpDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.h1kit.http.files.Preconditions.Outcome.NOT_MODIFIED_304;
import static io.h1kit.http.files.Preconditions.Outcome.PRECONDITION_FAILED_412;
import static io.h1kit.http.files.Preconditions.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The COND rows of the catalogue (section 2.13) and the If-Range rule of RANGE-10, on the
 * evaluation alone. The representation has {@code ETag: "e1"} and {@code Last-Modified: L}.
 */
class PreconditionsTest {
    static final long NOW = Docroot.NOW;
    static final long L = Docroot.MTIME_SECONDS;
    static final String L_TEXT = HttpDate.format(L);
    static final Validators CURRENT = new Validators(EntityTag.strong("e1"), L);

    static Fields fields(String... nameValue) {
        Fields f = new Fields();
        for (int i = 0; i < nameValue.length; i += 2) {
            f.add(nameValue[i], nameValue[i + 1]);
        }
        return f;
    }

    static Preconditions.Outcome get(String... nameValue) {
        return Preconditions.evaluate("GET", fields(nameValue), CURRENT, NOW);
    }

    // RFC 9110 §13.1.2: "If the field value is "*", the condition is false if the origin server has a current representation".
    @Test
    @DisplayName("COND-01..03: If-None-Match with the tag, its weak form, or * -> 304")
    void ifNoneMatchMatches() {
        assertEquals(NOT_MODIFIED_304, get("If-None-Match", "\"e1\""));
        assertEquals(NOT_MODIFIED_304, get("If-None-Match", "W/\"e1\""));
        assertEquals(NOT_MODIFIED_304, get("If-None-Match", "*"));
        assertEquals(NOT_MODIFIED_304, Preconditions.evaluate("HEAD", fields("If-None-Match", "\"e1\""), CURRENT, NOW));
    }

    // RFC 9110 §13.1.2: "the condition is false if one of the listed tags matches the entity tag of the selected representation".
    @Test
    @DisplayName("COND-04: If-None-Match lists; no match -> proceed")
    void ifNoneMatchLists() {
        assertEquals(NOT_MODIFIED_304, get("If-None-Match", "\"x\", \"e1\""));
        assertEquals(NOT_MODIFIED_304, get("If-None-Match", "\"x\"", "If-None-Match", "\"e1\""));
        assertEquals(PROCEED, get("If-None-Match", "\"x\""));
        assertEquals(PROCEED, get("If-None-Match", "e1"));
    }

    // RFC 9110 §13.2.2 step 3: "if the condition is false for other methods, respond 412".
    @Test
    @DisplayName("If-None-Match false for a method other than GET/HEAD -> 412")
    void ifNoneMatchOtherMethods() {
        assertEquals(PRECONDITION_FAILED_412, Preconditions.evaluate("PUT", fields("If-None-Match", "*"), CURRENT, NOW));
        assertEquals(PRECONDITION_FAILED_412, Preconditions.evaluate("DELETE", fields("If-None-Match", "\"e1\""), CURRENT, NOW));
    }

    // RFC 9110 §13.1.3: "If the selected representation's last modification date is earlier or equal to the date provided in the field value, the condition is false."
    @Test
    @DisplayName("COND-05: If-Modified-Since L, or later, -> 304; earlier -> proceed")
    void ifModifiedSince() {
        assertEquals(NOT_MODIFIED_304, get("If-Modified-Since", L_TEXT));
        assertEquals(NOT_MODIFIED_304, get("If-Modified-Since", HttpDate.format(L + 1)));
        assertEquals(PROCEED, get("If-Modified-Since", HttpDate.format(L - 1)));
        // RFC 9110 §5.6.7: recipients MUST accept the obsolete formats too.
        assertEquals(NOT_MODIFIED_304, get("If-Modified-Since", "Tuesday, 14-Nov-23 22:13:20 GMT"));
        assertEquals(NOT_MODIFIED_304, get("If-Modified-Since", "Tue Nov 14 22:13:20 2023"));
    }

    // RFC 9110 §13.1.3: "A recipient MUST ignore the If-Modified-Since header field if the received field value is not a valid HTTP-date, the field value has more than one member".
    @ParameterizedTest(name = "If-Modified-Since: {0}")
    @ValueSource(strings = {"garbage", "", "Tue, 14 Nov 2023 22:13:20 GMT, Tue, 14 Nov 2023 22:13:20 GMT",
            "Tue, 14 Nov 2023 22:13:20 UTC", "1700000000"})
    @DisplayName("COND-06: an invalid date or a list of dates is ignored")
    void ifModifiedSinceInvalid(String value) {
        assertEquals(PROCEED, get("If-Modified-Since", value));
    }

    @Test
    @DisplayName("COND-06: two If-Modified-Since lines are two members, ignored")
    void ifModifiedSinceTwoLines() {
        assertEquals(PROCEED, get("If-Modified-Since", L_TEXT, "If-Modified-Since", L_TEXT));
    }

    // RFC 9110 §13.1.3: "A recipient MUST ignore If-Modified-Since if the request contains an If-None-Match header field".
    @Test
    @DisplayName("COND-07: If-None-Match \"x\" with If-Modified-Since L -> proceed (IMS ignored)")
    void ifNoneMatchWins() {
        assertEquals(PROCEED, get("If-None-Match", "\"x\"", "If-Modified-Since", L_TEXT));
        assertEquals(NOT_MODIFIED_304, get("If-None-Match", "\"e1\"", "If-Modified-Since", HttpDate.format(L - 100)));
    }

    // RFC 9110 §13.1.3: IMS is ignored "if the request method is neither GET nor HEAD".
    @Test
    @DisplayName("COND-08: If-Modified-Since on POST is ignored")
    void ifModifiedSinceOnlyGetHead() {
        assertEquals(PROCEED, Preconditions.evaluate("POST", fields("If-Modified-Since", HttpDate.format(NOW + 86_400)), CURRENT, NOW));
        assertEquals(PROCEED, Preconditions.evaluate("POST", fields("If-Modified-Since", L_TEXT), CURRENT, NOW));
    }

    // RFC 9110 §13.1.1: "If the field value is a list of entity tags, the condition is true if any of the listed tags match the entity tag of the selected representation" (strong comparison).
    @Test
    @DisplayName("COND-09: If-Match without a strong match -> 412; with one, or *, -> proceed")
    void ifMatch() {
        assertEquals(PRECONDITION_FAILED_412, get("If-Match", "\"nope\""));
        assertEquals(PRECONDITION_FAILED_412, get("If-Match", "W/\"e1\""));
        assertEquals(PRECONDITION_FAILED_412, get("If-Match", "garbage"));
        assertEquals(PROCEED, get("If-Match", "\"nope\", \"e1\""));
        assertEquals(PROCEED, get("If-Match", "*"));
    }

    // RFC 9110 §13.1.4: "If the selected representation's last modification date is earlier than or equal to the date provided in the field value, the condition is true."
    @Test
    @DisplayName("COND-10: If-Unmodified-Since earlier than L -> 412; L or later, or invalid -> proceed")
    void ifUnmodifiedSince() {
        assertEquals(PRECONDITION_FAILED_412, get("If-Unmodified-Since", HttpDate.format(L - 1)));
        assertEquals(PROCEED, get("If-Unmodified-Since", L_TEXT));
        assertEquals(PROCEED, get("If-Unmodified-Since", HttpDate.format(L + 1)));
        assertEquals(PROCEED, get("If-Unmodified-Since", "garbage"));
    }

    // RFC 9110 §13.2.2 step 2: If-Unmodified-Since counts only "when If-Match is not present".
    @Test
    @DisplayName("If-Match that holds makes If-Unmodified-Since irrelevant")
    void ifMatchBeforeIfUnmodifiedSince() {
        assertEquals(PROCEED, get("If-Match", "\"e1\"", "If-Unmodified-Since", HttpDate.format(L - 1)));
    }

    // RFC 9110 §13.2.2: step 1 (If-Match) is evaluated before step 3 (If-None-Match).
    @Test
    @DisplayName("a failing If-Match answers 412 even when If-None-Match would answer 304")
    void ifMatchFirst() {
        assertEquals(PRECONDITION_FAILED_412, get("If-Match", "\"nope\"", "If-None-Match", "\"e1\""));
        assertEquals(PRECONDITION_FAILED_412, get("If-Unmodified-Since", HttpDate.format(L - 1), "If-None-Match", "\"e1\""));
    }

    @Test
    @DisplayName("COND-13: If-Modified-Since a year in the future is ignored")
    void ifModifiedSinceFuture() {
        assertEquals(PROCEED, get("If-Modified-Since", HttpDate.format(NOW + 365L * 86_400)));
    }

    @Test
    @DisplayName("no conditional fields -> proceed")
    void none() {
        assertEquals(PROCEED, get());
    }

    @Test
    @DisplayName("a representation without validators (a listing): only * conditions can decide")
    void withoutValidators() {
        Validators none = Validators.NONE;
        assertEquals(PROCEED, Preconditions.evaluate("GET", fields("If-Match", "*"), none, NOW));
        assertEquals(PRECONDITION_FAILED_412, Preconditions.evaluate("GET", fields("If-Match", "\"e1\""), none, NOW));
        assertEquals(NOT_MODIFIED_304, Preconditions.evaluate("GET", fields("If-None-Match", "*"), none, NOW));
        assertEquals(PROCEED, Preconditions.evaluate("GET", fields("If-None-Match", "\"e1\""), none, NOW));
        assertEquals(PROCEED, Preconditions.evaluate("GET", fields("If-Modified-Since", L_TEXT), none, NOW));
        assertEquals(PROCEED, Preconditions.evaluate("GET", fields("If-Unmodified-Since", HttpDate.format(0)), none, NOW));
    }

    // RFC 9110 §13.1.5: "If the entity-tag validator provided exactly matches the ETag field value for the selected representation using the strong comparison function ... the condition is true."
    @Test
    @DisplayName("RANGE-10: If-Range with the strong tag holds; a weak or other tag does not")
    void ifRangeTag() {
        assertTrue(Preconditions.ifRangeHolds(fields("If-Range", "\"e1\""), CURRENT, NOW));
        assertFalse(Preconditions.ifRangeHolds(fields("If-Range", "W/\"e1\""), CURRENT, NOW));
        assertFalse(Preconditions.ifRangeHolds(fields("If-Range", "\"e2\""), CURRENT, NOW));
        assertFalse(Preconditions.ifRangeHolds(fields("If-Range", "\"e1\", \"e2\""), CURRENT, NOW));
        assertFalse(Preconditions.ifRangeHolds(fields("If-Range", "\"e1\""), Validators.NONE, NOW));
    }

    // RFC 9110 §13.1.5: "If the HTTP-date validator provided exactly matches the Last-Modified field value for the selected representation, the condition is true."
    @Test
    @DisplayName("RANGE-10: If-Range with exactly L holds; an older or newer date, or garbage, does not")
    void ifRangeDate() {
        assertTrue(Preconditions.ifRangeHolds(fields("If-Range", L_TEXT), CURRENT, NOW));
        assertFalse(Preconditions.ifRangeHolds(fields("If-Range", HttpDate.format(L - 1)), CURRENT, NOW));
        assertFalse(Preconditions.ifRangeHolds(fields("If-Range", HttpDate.format(L + 1)), CURRENT, NOW));
        assertFalse(Preconditions.ifRangeHolds(fields("If-Range", "garbage"), CURRENT, NOW));
        assertFalse(Preconditions.ifRangeHolds(fields("If-Range", L_TEXT, "If-Range", L_TEXT), CURRENT, NOW));
    }

    @Test
    @DisplayName("without If-Range a range request may be answered with a part")
    void ifRangeAbsent() {
        assertTrue(Preconditions.ifRangeHolds(fields(), CURRENT, NOW));
    }
}
