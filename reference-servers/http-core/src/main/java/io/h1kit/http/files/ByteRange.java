package io.h1kit.http.files;

import io.h1kit.http.Grammar;

import java.util.List;

/**
 * One satisfiable byte range of a representation, both ends included (RFC 9110 §14.1.2), and the
 * decision of what to do with a {@code Range} field. Pure functions on immutable values.
 *
 * <p>Only a single range is honoured. RFC 9110 §14.2: "A server MAY ignore the Range header
 * field", so an invalid range, an unknown unit and a set of several ranges are all answered with
 * the whole representation (200). Refusing several ranges outright also closes the
 * CVE-2011-3192 class of attack (RFC 9110 §17.15: many small or overlapping ranges that make a
 * response far larger than the file) without a multipart/byteranges writer.
 *
 * @param first the offset of the first byte
 * @param last  the offset of the last byte, at most the length minus one
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last);
        }
    }

    /** What to answer to a Range request. */
    public sealed interface Outcome permits Ignored, Satisfiable, Unsatisfiable {
    }

    /** Ignore the field and send the whole representation; {@code why} is for tests and logs. */
    public record Ignored(String why) implements Outcome {
    }

    /** Send this part with 206. */
    public record Satisfiable(ByteRange range) implements Outcome {
    }

    /** Send 416 with {@code Content-Range: bytes *}{@code /length}. */
    public record Unsatisfiable() implements Outcome {
    }

    /** The number of bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** RFC 9110 §14.4: {@code Content-Range: bytes first-last/complete-length}. */
    public String contentRange(long completeLength) {
        return "bytes " + first + "-" + last + "/" + completeLength;
    }

    /**
     * RFC 9110 §15.5.17: a 416 for byte ranges "SHOULD generate a Content-Range header field
     * specifying the current length of the selected representation".
     */
    public static String unsatisfiedContentRange(long completeLength) {
        return "bytes */" + completeLength;
    }

    /**
     * Decides a {@code Range} field value against a representation of {@code length} bytes.
     * Positions too large for a long count as {@link Long#MAX_VALUE}, so they clamp like any
     * position past the end (RFC 9110 §14.1.2 asks to "prevent ... integer conversion overflows").
     */
    public static Outcome evaluate(String value, long length) {
        int eq = value.indexOf('=');
        // RFC 9110 §14.1.1: ranges-specifier = range-unit "=" range-set.
        if (eq <= 0 || !Grammar.isToken(value.substring(0, eq))) {
            return new Ignored("not a ranges-specifier");
        }
        // RFC 9110 §14.1: "Range unit names are case-insensitive"; §14.2: "An origin server MUST
        // ignore a Range header field that contains a range unit it does not understand."
        if (!value.substring(0, eq).equalsIgnoreCase("bytes")) {
            return new Ignored("range unit other than bytes");
        }
        List<String> specs = Grammar.listElements(value.substring(eq + 1));
        if (specs.isEmpty()) {
            return new Ignored("empty range-set");
        }
        if (specs.size() > 1) {
            return new Ignored("more than one range");
        }
        return single(specs.getFirst(), length);
    }

    private static Outcome single(String spec, long length) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Ignored("range-spec without a dash");
        }
        String firstText = spec.substring(0, dash);
        String lastText = spec.substring(dash + 1);
        if (firstText.isEmpty()) {
            long suffix = Grammar.parseDecimal(lastText);
            if (suffix < 0) {
                return new Ignored("invalid suffix-length");
            }
            if (length == 0) {
                return emptyRepresentation();
            }
            // §14.1.1: a range-set is satisfiable if it holds "an int-range with a first-pos that is
            // less than the current length ... or at least one suffix-range with a non-zero
            // suffix-length".
            if (suffix == 0) {
                return new Unsatisfiable();
            }
            // §14.1.2: "If the selected representation is shorter than the specified
            // suffix-length, the entire representation is used."
            return new Satisfiable(new ByteRange(length - Math.min(suffix, length), length - 1));
        }
        long first = Grammar.parseDecimal(firstText);
        long last = lastText.isEmpty() ? Long.MAX_VALUE : Grammar.parseDecimal(lastText);
        if (first < 0 || last < 0) {
            return new Ignored("invalid position");
        }
        // §14.1.1: "An int-range is invalid if the last-pos value is present and less than the
        // first-pos" (invalid, so ignored; not unsatisfiable).
        if (last < first) {
            return new Ignored("last-pos before first-pos");
        }
        if (length == 0) {
            return emptyRepresentation();
        }
        if (first >= length) {
            return new Unsatisfiable(); // §14.1.1, quoted above: first-pos not below the length
        }
        // §14.1.2: "if the value is greater than or equal to the current length ... the byte
        // range is interpreted as the remainder of the representation".
        return new Satisfiable(new ByteRange(first, Math.min(last, length - 1)));
    }

    /**
     * RFC 9110 §14.1.2: "When a selected representation has zero length, the only satisfiable form
     * of range-spec in a GET request is a suffix-range with a non-zero suffix-length." Yet no byte
     * range of zero bytes can be written in a Content-Range, so the field is ignored and the empty
     * whole is sent, as §14.2 allows.
     */
    private static Outcome emptyRepresentation() {
        return new Ignored("empty representation");
    }
}
