package io.h1kit.http.files;

import io.h1kit.http.Fields;
import io.h1kit.http.Grammar;
import io.h1kit.http.HttpDate;

import java.util.List;
import java.util.OptionalLong;

/**
 * Evaluates the conditional request fields against the current validators of a representation
 * that exists, in the order of RFC 9110 §13.2.2. Pure functions; the caller passes the time.
 *
 * <p>Only an origin server that would otherwise answer 2xx calls this (RFC 9110 §13.2.1: a server
 * "MUST ignore all received preconditions if its response to the same request without those
 * conditions ... would have been a status code other than a 2xx (Successful) or 412"), so a
 * missing file answers 404 whatever {@code If-None-Match: *} says (COND-12).
 */
public final class Preconditions {

    /** What the preconditions decide. */
    public enum Outcome {
        /** Perform the method (for GET, a 200 or, with a Range, maybe a 206). */
        PROCEED,
        /** 304 for GET and HEAD: the client's cached representation is current. */
        NOT_MODIFIED_304,
        /** 412: a precondition the client set does not hold. */
        PRECONDITION_FAILED_412
    }

    private Preconditions() {
    }

    /**
     * Steps 1 to 4 of RFC 9110 §13.2.2 (step 5, If-Range, is {@link #ifRangeHolds}).
     *
     * @param method         the request method (If-Modified-Since counts only for GET and HEAD)
     * @param fields         the request's header fields
     * @param current        the validators of the selected representation
     * @param nowEpochSecond the server's clock, for HTTP-date parsing and future dates
     */
    public static Outcome evaluate(String method, Fields fields, Validators current, long nowEpochSecond) {
        boolean getOrHead = method.equals("GET") || method.equals("HEAD");
        List<String> ifMatch = fields.values("If-Match");
        if (!ifMatch.isEmpty()) {
            // §13.2.2 step 1: "if the condition is false, respond 412 (Precondition Failed)".
            if (!ifMatch(ifMatch, current)) {
                return Outcome.PRECONDITION_FAILED_412;
            }
        } else {
            // §13.2.2 step 2: only "when If-Match is not present".
            OptionalLong since = singleDate(fields, "If-Unmodified-Since", nowEpochSecond);
            // §13.1.4: "If the selected representation's last modification date is earlier or
            // equal to the date provided in the field value, the condition is true."
            if (since.isPresent() && current.hasLastModified() && current.lastModified() > since.getAsLong()) {
                return Outcome.PRECONDITION_FAILED_412;
            }
        }
        List<String> ifNoneMatch = fields.values("If-None-Match");
        if (!ifNoneMatch.isEmpty()) {
            // §13.2.2 step 3: "if the condition is false for GET/HEAD, respond 304 (Not
            // Modified); if the condition is false for other methods, respond 412".
            if (!ifNoneMatch(ifNoneMatch, current)) {
                return getOrHead ? Outcome.NOT_MODIFIED_304 : Outcome.PRECONDITION_FAILED_412;
            }
        } else if (getOrHead) {
            // §13.2.2 step 4: "When the method is GET or HEAD, If-None-Match is not present, and
            // If-Modified-Since is present".
            OptionalLong since = singleDate(fields, "If-Modified-Since", nowEpochSecond);
            // A date in the future cannot be a Last-Modified the server sent; like Apache httpd
            // and RFC 7232 §3.3 (such a date "is invalid"), ignore it (COND-13).
            if (since.isPresent() && since.getAsLong() <= nowEpochSecond && current.hasLastModified()
                    && current.lastModified() <= since.getAsLong()) {
                return Outcome.NOT_MODIFIED_304;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a Range request may be answered with a part (RFC 9110 §13.1.5); true without
     * {@code If-Range}. An entity-tag must match with the strong comparison, so a weak tag never
     * does; a date must equal {@code Last-Modified} exactly: "If the HTTP-date validator provided
     * exactly matches the Last-Modified field value for the selected representation, the
     * condition is true."
     */
    public static boolean ifRangeHolds(Fields fields, Validators current, long nowEpochSecond) {
        List<String> values = fields.values("If-Range");
        if (values.isEmpty()) {
            return true;
        }
        if (values.size() > 1) {
            return false;
        }
        String value = trim(values.getFirst());
        // §13.1.5: an entity-tag "can be distinguished from a valid HTTP-date by examining the
        // first three characters for a DQUOTE".
        if (value.startsWith("\"") || value.startsWith("W/\"")) {
            return current.etag() != null
                    && EntityTag.parse(value).map(tag -> tag.strongMatch(current.etag())).orElse(false);
        }
        OptionalLong date = HttpDate.parse(value, nowEpochSecond);
        return date.isPresent() && current.hasLastModified() && date.getAsLong() == current.lastModified();
    }

    /** §13.1.1: "*" is true when a current representation exists; else a strong match is needed. */
    private static boolean ifMatch(List<String> values, Validators current) {
        if (isWildcard(values)) {
            return true;
        }
        if (current.etag() == null) {
            return false;
        }
        return EntityTag.parseList(String.join(",", values)).stream().anyMatch(tag -> tag.strongMatch(current.etag()));
    }

    /** §13.1.2: "*" is false when a current representation exists; else false on a weak match. */
    private static boolean ifNoneMatch(List<String> values, Validators current) {
        if (isWildcard(values)) {
            return false;
        }
        if (current.etag() == null) {
            return true;
        }
        return EntityTag.parseList(String.join(",", values)).stream().noneMatch(tag -> tag.weakMatch(current.etag()));
    }

    private static boolean isWildcard(List<String> values) {
        return values.size() == 1 && trim(values.getFirst()).equals("*");
    }

    /**
     * The date of a field that must hold one HTTP-date, or empty. RFC 9110 §13.1.3: "A recipient
     * MUST ignore the If-Modified-Since header field if the received field value is not a valid
     * HTTP-date, the field value has more than one member, or if the request method is neither
     * GET nor HEAD" (§13.1.4 says the same of If-Unmodified-Since). Two field lines are two
     * members; two dates on one line fail to parse as one date.
     */
    private static OptionalLong singleDate(Fields fields, String name, long nowEpochSecond) {
        List<String> values = fields.values(name);
        if (values.size() != 1) {
            return OptionalLong.empty();
        }
        return HttpDate.parse(trim(values.getFirst()), nowEpochSecond);
    }

    private static String trim(String value) {
        return Grammar.trimWhitespace(value, 0, value.length());
    }
}
