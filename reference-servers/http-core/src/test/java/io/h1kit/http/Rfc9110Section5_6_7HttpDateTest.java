package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP-date (RFC 9110 §5.6.7): IMF-fixdate output, and input in the three formats a recipient
 * "MUST accept". The clock is a parameter, so the two-digit-year rule is tested at any date.
 */
class Rfc9110Section5_6_7HttpDateTest {

    /** RFC 9110 §5.6.7's example instant: Sun, 06 Nov 1994 08:49:37 GMT. */
    private static final long EXAMPLE = 784_111_777L;
    private static final long NOW = at(2025, 6, 1, 0, 0, 0);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            784111777    | Sun, 06 Nov 1994 08:49:37 GMT
            0            | Thu, 01 Jan 1970 00:00:00 GMT
            -1           | Wed, 31 Dec 1969 23:59:59 GMT
            951782400    | Tue, 29 Feb 2000 00:00:00 GMT
            1709600523   | Tue, 05 Mar 2024 01:02:03 GMT
            1483228799   | Sat, 31 Dec 2016 23:59:59 GMT
            -30641388711 | Sat, 05 Jan 0999 07:08:09 GMT
            253402300799 | Fri, 31 Dec 9999 23:59:59 GMT
            """)
    void formatsImfFixdate(long epochSecond, String expected) {
        assertEquals(expected, HttpDate.format(epochSecond));
    }

    @Test
    void refusesYearsAnHttpDateCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> HttpDate.format(253_402_300_800L)); // year 10000
        assertThrows(IllegalArgumentException.class, () -> HttpDate.format(at(-1, 12, 31, 0, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",  // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT", // obsolete RFC 850 format
        "Sun Nov  6 08:49:37 1994",       // ANSI C's asctime() format
        "Sun Nov 06 08:49:37 1994",       // asctime with a 2DIGIT day
    })
    void parsesAllThreeFormats(String text) {
        assertEquals(OptionalLong.of(EXAMPLE), HttpDate.parse(text, NOW));
    }

    static Stream<Arguments> validDates() {
        return Stream.of(
                Arguments.of("Tue, 29 Feb 2000 00:00:00 GMT", at(2000, 2, 29, 0, 0, 0)),
                Arguments.of("Thu, 01 Jan 1970 00:00:00 GMT", 0L),
                Arguments.of("Wed, 31 Dec 1969 23:59:59 GMT", -1L),
                Arguments.of("Fri, 31 Dec 9999 23:59:59 GMT", 253_402_300_799L),
                // RFC 9110 §5.6.7: second = 2DIGIT allows 60 for a leap second; read here as 59.
                Arguments.of("Sat, 31 Dec 2016 23:59:60 GMT", at(2016, 12, 31, 23, 59, 59)),
                Arguments.of("Wednesday, 09-Sep-15 01:02:03 GMT", at(2015, 9, 9, 1, 2, 3)),
                Arguments.of("Tue Mar  5 01:02:03 2024", at(2024, 3, 5, 1, 2, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDates")
    void parsesValidDates(String text, long expected) {
        assertEquals(OptionalLong.of(expected), HttpDate.parse(text, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 1, 59, 784_111_777, 951_782_400, 1_709_600_523, 253_402_300_799L, -1, -30_641_388_711L})
    void parsesWhatItFormats(long epochSecond) {
        assertEquals(OptionalLong.of(epochSecond), HttpDate.parse(HttpDate.format(epochSecond), NOW));
    }

    /**
     * RFC 9110 §5.6.7: "Recipients of a timestamp value in rfc850-date format, which uses a
     * two-digit year, MUST interpret a timestamp that appears to be more than 50 years in the
     * future as representing the most recent year in the past that had the same last two digits."
     */
    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-06-01 | Sunday, 06-Nov-94 08:49:37 GMT   | 1994-11-06T08:49:37
            2025-06-01 | Sunday, 01-Jun-25 00:00:00 GMT   | 2025-06-01T00:00
            2025-06-01 | Monday, 01-Jan-74 00:00:00 GMT   | 2074-01-01T00:00
            2025-06-01 | Tuesday, 01-Jan-75 00:00:00 GMT  | 2075-01-01T00:00
            2025-06-01 | Tuesday, 01-Jun-75 00:00:00 GMT  | 2075-06-01T00:00
            2025-06-01 | Tuesday, 02-Jun-75 00:00:00 GMT  | 1975-06-02T00:00
            2025-06-01 | Tuesday, 31-Dec-75 00:00:00 GMT  | 1975-12-31T00:00
            2025-06-01 | Wednesday, 01-Jan-76 00:00:00 GMT| 1976-01-01T00:00
            2025-06-01 | Friday, 01-Jan-00 00:00:00 GMT   | 2000-01-01T00:00
            2080-01-01 | Friday, 01-Jan-10 00:00:00 GMT   | 2110-01-01T00:00
            2080-01-01 | Sunday, 01-Jan-30 00:00:00 GMT   | 2130-01-01T00:00
            2080-01-01 | Sunday, 01-Jan-40 00:00:00 GMT   | 2040-01-01T00:00
            2080-01-01 | Monday, 01-Jan-79 00:00:00 GMT   | 2079-01-01T00:00
            2099-06-01 | Friday, 01-Jan-00 00:00:00 GMT   | 2100-01-01T00:00
            2080-01-01 | Tuesday, 29-Feb-00 00:00:00 GMT  | 2000-02-29T00:00
            1970-01-01 | Monday, 01-Jan-19 00:00:00 GMT   | 2019-01-01T00:00
            1970-01-01 | Tuesday, 01-Jan-21 00:00:00 GMT  | 1921-01-01T00:00
            """)
    void readsTwoDigitYearsWithinFiftyYearsAhead(String today, String text, String expected) {
        long now = LocalDateTime.parse(today + "T00:00").toEpochSecond(ZoneOffset.UTC);
        long instant = LocalDateTime.parse(expected).toEpochSecond(ZoneOffset.UTC);
        assertEquals(OptionalLong.of(instant), HttpDate.parse(text, now));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "",
        "garbage",
        "Sux, 06 Nov 1994 08:49:37 GMT",       // not a day name
        "sun, 06 Nov 1994 08:49:37 GMT",       // day name in the wrong case
        "Sunday, 06 Nov 1994 08:49:37 GMT",    // long day name in an IMF-fixdate
        "Sun, 06-Nov-94 08:49:37 GMT",         // short day name in an RFC 850 date
        "Sonntag, 06-Nov-94 08:49:37 GMT",     // not an English day name
        "Sun, 31 Feb 1994 08:49:37 GMT",       // no such day
        "Thu, 31 Apr 1994 08:49:37 GMT",
        "Thu, 29 Feb 1900 08:49:37 GMT",       // 1900 is no leap year
        "Sun, 00 Nov 1994 08:49:37 GMT",
        "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 25:00:00 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT",
        "Sun, 06 Nov 1994 08:49:37",           // missing GMT
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 Nov 1994 08:49:37 gmt",
        "Sun, 06 Nov 1994 08:49:37 +0000",
        "Sun, 06 nov 1994 08:49:37 GMT",       // lowercase month
        "Sun, 06 NOV 1994 08:49:37 GMT",
        "Sun, 06 Nvm 1994 08:49:37 GMT",
        "Sun,  06 Nov 1994 08:49:37 GMT",      // extra spaces
        "Sun, 06 Nov 1994  08:49:37 GMT",
        "Sun, 06  Nov 1994 08:49:37 GMT",
        " Sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT ",
        "Sun,06 Nov 1994 08:49:37 GMT",
        "Sun, 6 Nov 1994 08:49:37 GMT",        // one-digit day
        "Sun, 06 Nov 94 08:49:37 GMT",         // two-digit year in an IMF-fixdate
        "Sun, 06-Nov-1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 8:49:37 GMT",
        "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 06 Nov 1994 08.49.37 GMT",
        "Sun, 06 Nov +994 08:49:37 GMT",
        "Sun, +6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:3x GMT",
        "Sunday, 06-Nov-94 08:49:37 UTC",
        "Sunday, 06-Nov-1994 08:49:37 GMT",    // four-digit year in an RFC 850 date
        "Sunday, 06-nov-94 08:49:37 GMT",
        "Sunday,  06-Nov-94 08:49:37 GMT",
        "Sunday, 31-Feb-94 08:49:37 GMT",
        "Sun Nov 6  08:49:37 1994",            // asctime day padded on the wrong side
        "Sun Nov  6 08:49:37 94",
        "Sun Nov  6 25:49:37 1994",
        "Sun nov  6 08:49:37 1994",
        "Sun Nov  6 08:49:37 1994 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT", // a list (catalogue COND-06)
    })
    void refusesInvalidDates(String text) {
        assertEquals(OptionalLong.empty(), HttpDate.parse(text, NOW));
    }

    private static long at(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
    }
}
