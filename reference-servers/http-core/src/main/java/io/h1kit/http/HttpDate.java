package io.h1kit.http;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * HTTP-date (RFC 9110 §5.6.7): formats IMF-fixdate, and parses the three formats a recipient
 * "MUST accept": IMF-fixdate, the obsolete RFC 850 format and ANSI C's asctime() format. Pure
 * functions; the caller supplies the time.
 */
public final class HttpDate {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] LONG_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpDate() {
    }

    /** {@code epochSecond} as an IMF-fixdate, for example {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String format(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(29);
        sb.append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(sb, t.getDayOfMonth()).append(' ');
        sb.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year out of the HTTP-date range: " + year);
        }
        sb.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10));
        twoDigits(sb, year % 100).append(' ');
        twoDigits(sb, t.getHour()).append(':');
        twoDigits(sb, t.getMinute()).append(':');
        twoDigits(sb, t.getSecond()).append(" GMT");
        return sb.toString();
    }

    /**
     * Parses an HTTP-date. Empty when the text is in none of the three formats or names an
     * impossible date.
     *
     * @param nowEpochSecond the current time, for the two-digit years of the RFC 850 format: one
     *                       more than 50 years in the future means the most recent past year with
     *                       the same last two digits (RFC 9110 §5.6.7)
     */
    public static OptionalLong parse(String text, long nowEpochSecond) {
        if (text.length() == 29 && text.charAt(3) == ',') {
            return imfFixdate(text);
        }
        if (text.length() == 24 && text.charAt(3) == ' ') {
            return asctime(text);
        }
        int comma = text.indexOf(',');
        if (comma > 0) {
            return rfc850(text, comma, nowEpochSecond);
        }
        return OptionalLong.empty();
    }

    /** IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static OptionalLong imfFixdate(String s) {
        if (indexOf(DAYS, s.substring(0, 3)) < 0 || s.charAt(4) != ' ' || s.charAt(7) != ' '
                || s.charAt(11) != ' ' || s.charAt(16) != ' ' || !s.endsWith(" GMT")) {
            return OptionalLong.empty();
        }
        return of(number(s, 12, 16), indexOf(MONTHS, s.substring(8, 11)), number(s, 5, 7), s, 17);
    }

    /** RFC 850: {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
    private static OptionalLong rfc850(String s, int comma, long now) {
        if (indexOf(LONG_DAYS, s.substring(0, comma)) < 0 || s.length() != comma + 24
                || s.charAt(comma + 1) != ' ' || s.charAt(comma + 4) != '-' || s.charAt(comma + 8) != '-'
                || s.charAt(comma + 11) != ' ' || !s.endsWith(" GMT")) {
            return OptionalLong.empty();
        }
        int yy = number(s, comma + 9, comma + 11);
        if (yy < 0) {
            return OptionalLong.empty();
        }
        // RFC 9110 §5.6.7: "Recipients of a timestamp value in rfc850-date format, which uses a
        // two-digit year, MUST interpret a timestamp that appears to be more than 50 years in the
        // future as representing the most recent year in the past that had the same last two
        // digits." So the date is the latest one with these digits that is at most 50 years ahead,
        // compared as instants (not years) and searched around the current century.
        LocalDateTime today = LocalDateTime.ofEpochSecond(now, 0, ZoneOffset.UTC);
        long latest = today.plusYears(50).toEpochSecond(ZoneOffset.UTC);
        int century = today.getYear() - Math.floorMod(today.getYear(), 100);
        int month = indexOf(MONTHS, s.substring(comma + 5, comma + 8));
        int day = number(s, comma + 2, comma + 4);
        for (int year = century + 100 + yy; year >= century - 100 + yy; year -= 100) {
            // A 29 Feb that does not exist in one century may in the one before.
            OptionalLong t = of(year, month, day, s, comma + 12);
            if (t.isPresent() && t.getAsLong() <= latest) {
                return t;
            }
        }
        return OptionalLong.empty();
    }

    /** asctime: {@code Sun Nov  6 08:49:37 1994} (day padded with a space). */
    private static OptionalLong asctime(String s) {
        if (indexOf(DAYS, s.substring(0, 3)) < 0 || s.charAt(7) != ' ' || s.charAt(10) != ' ' || s.charAt(19) != ' ') {
            return OptionalLong.empty();
        }
        int day = s.charAt(8) == ' ' ? number(s, 9, 10) : number(s, 8, 10);
        return of(number(s, 20, 24), indexOf(MONTHS, s.substring(4, 7)), day, s, 11);
    }

    /** Builds the instant from its parts and the {@code HH:MM:SS} found at {@code timeAt}. */
    private static OptionalLong of(int year, int month, int day, String s, int timeAt) {
        if (s.charAt(timeAt + 2) != ':' || s.charAt(timeAt + 5) != ':') {
            return OptionalLong.empty();
        }
        int hour = number(s, timeAt, timeAt + 2);
        int minute = number(s, timeAt + 3, timeAt + 5);
        int second = number(s, timeAt + 6, timeAt + 8);
        // RFC 9110 §5.6.7: second = 2DIGIT, 00-60 (60 is a leap second, read here as 59).
        if (year < 0 || month < 0 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return OptionalLong.empty();
        }
        try {
            LocalDateTime t = LocalDateTime.of(year, month + 1, day, hour, minute, Math.min(second, 59));
            return OptionalLong.of(t.toEpochSecond(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return OptionalLong.empty(); // for example 31 Feb
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 if it holds anything but digits. */
    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Grammar.isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static StringBuilder twoDigits(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
