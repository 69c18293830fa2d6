package io.h1kit.http.files;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The RANGE rows of the catalogue (section 2.14) on the decision alone, for a file of 1000 bytes. */
class ByteRangeTest {
    static final long LENGTH = 1000;

    static ByteRange satisfiable(String value, long length) {
        return assertInstanceOf(ByteRange.Satisfiable.class, ByteRange.evaluate(value, length), value).range();
    }

    // RFC 9110 §14.1.2: "bytes=0-499" is "The first 500 bytes"; "bytes=-500" the final 500; "bytes=9500-" from 9500 on.
    @ParameterizedTest(name = "{0} -> {1}-{2}")
    @CsvSource(delimiter = '|', textBlock = """
            bytes=0-4                          | 0   | 4
            bytes=-5                           | 995 | 999
            bytes=995-                         | 995 | 999
            bytes=0-0                          | 0   | 0
            bytes=999-999                      | 999 | 999
            bytes=0-99999                      | 0   | 999
            bytes=500-1000                     | 500 | 999
            bytes=-1000                        | 0   | 999
            bytes=-5000                        | 0   | 999
            bytes=0-99999999999999999999999    | 0   | 999
            bytes=-99999999999999999999999     | 0   | 999
            bytes=000-004                      | 0   | 4
            BYTES=0-4                          | 0   | 4
            Bytes=0-4                          | 0   | 4
            bytes=0-4,                         | 0   | 4
            bytes= 0-4                         | 0   | 4
            """)
    @DisplayName("RANGE-01..03, 12: one satisfiable range, clamped at the end, overflow clamped too")
    void satisfiableRanges(String value, long first, long last) {
        assertEquals(new ByteRange(first, last), satisfiable(value, LENGTH));
    }

    // RFC 9110 §14.1.1: unsatisfiable unless "an int-range with a first-pos that is less than the current length ... or at least one suffix-range with a non-zero suffix-length".
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=5000-", "bytes=-0", "bytes=99999999999999999999-"})
    @DisplayName("RANGE-04: first-pos at or past the end, or a zero suffix -> 416")
    void unsatisfiable(String value) {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.evaluate(value, LENGTH));
    }

    // RFC 9110 §14.2: "A server MAY ignore the Range header field."
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=5-2", "bytes=x-y", "bytes=", "bytes=-", "bytes=5", "bytes=--5", "bytes=+1-2",
            "bytes=1-+2", "bytes=0x10-", "bytes=1.5-2", "bytes =0-4", "=0-4", "bytes", "", "bytes=0-4;x", "bytes=2000-1000"})
    @DisplayName("RANGE-05: invalid syntax -> ignored, 200 with the whole file")
    void invalid(String value) {
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.evaluate(value, LENGTH));
    }

    // RFC 9110 §14.2: "An origin server MUST ignore a Range header field that contains a range unit it does not understand."
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"items=0-5", "byte=0-5", "bytess=0-5", "none=0-5"})
    @DisplayName("RANGE-06: an unknown unit -> ignored")
    void unknownUnit(String value) {
        assertEquals(new ByteRange.Ignored("range unit other than bytes"), ByteRange.evaluate(value, LENGTH));
    }

    @Test
    @DisplayName("RANGE-08: two ranges -> ignored (200), no multipart")
    void twoRanges() {
        assertEquals(new ByteRange.Ignored("more than one range"), ByteRange.evaluate("bytes=0-1,5-6", LENGTH));
        assertEquals(new ByteRange.Ignored("more than one range"), ByteRange.evaluate("bytes=0-1, -5", LENGTH));
    }

    // RFC 9110 §17.15: "servers ought to ignore, coalesce, or reject egregious range requests, such as requests for more than two overlapping ranges".
    @Test
    @DisplayName("RANGE-09: 1000 overlapping ranges -> ignored, so the response is never larger than the file")
    void overlappingRanges() {
        String value = "bytes=" + "0-,".repeat(999) + "0-";
        assertEquals(new ByteRange.Ignored("more than one range"), ByteRange.evaluate(value, LENGTH));
    }

    @Test
    @DisplayName("an empty file: every range is ignored, since no byte range of it can be written")
    void emptyRepresentation() {
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.evaluate("bytes=0-", 0));
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.evaluate("bytes=-5", 0));
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.evaluate("bytes=-0", 0));
    }

    @Test
    @DisplayName("Content-Range values of RFC 9110 §14.4 and §15.5.17")
    void contentRange() {
        ByteRange r = satisfiable("bytes=0-4", LENGTH);
        assertEquals("bytes 0-4/1000", r.contentRange(LENGTH));
        assertEquals(5, r.length());
        assertEquals("bytes */1000", ByteRange.unsatisfiedContentRange(LENGTH));
        assertEquals(1000, satisfiable("bytes=0-99999999999999999999999", LENGTH).length());
    }

    @Test
    @DisplayName("a range is never empty or negative")
    void invariants() {
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(5, 4));
    }
}
