package io.h1kit.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The character classes and small productions of RFC 9110 §5.6 and RFC 9112 that the parser and
 * the header interpreters share. Bytes are passed as ints in 0..255.
 */
public final class Grammar {
    private static final boolean[] TCHAR = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            TCHAR[c] = true;
            TCHAR[c + 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private Grammar() {
    }

    /** RFC 9110 §5.6.2: {@code tchar}, the characters of a token. */
    public static boolean isTchar(int b) {
        return b >= 0 && b < 256 && TCHAR[b];
    }

    /** RFC 9110 §5.6.2: {@code token = 1*tchar}. */
    public static boolean isToken(CharSequence s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5234: {@code VCHAR}, a visible ASCII character. */
    public static boolean isVchar(int b) {
        return b >= 0x21 && b <= 0x7E;
    }

    /** RFC 9110 §5.5: {@code obs-text}, octets above ASCII, kept opaque. */
    public static boolean isObsText(int b) {
        return b >= 0x80 && b <= 0xFF;
    }

    /** RFC 9110 §5.6.3: {@code OWS} is made of SP and HTAB only. */
    public static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t';
    }

    public static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /** The value of a hex digit, or -1. */
    public static int hexValue(int b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /**
     * The non-empty elements of a comma-separated list, OWS removed (RFC 9110 §5.6.1: a recipient
     * "MUST accept empty list elements" and ignores them).
     */
    public static List<String> listElements(String value) {
        List<String> out = new ArrayList<>(2);
        int start = 0;
        int n = value.length();
        while (start <= n) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            String element = trimWhitespace(value, start, end);
            if (!element.isEmpty()) {
                out.add(element);
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return out;
    }

    /** {@code s[from, to)} without leading and trailing SP and HTAB. */
    public static String trimWhitespace(String s, int from, int to) {
        while (from < to && isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * Parses {@code 1*DIGIT} strictly: no sign, no spaces, no other base; leading zeros allowed.
     * Returns -1 when the text is not 1*DIGIT, and {@link Long#MAX_VALUE} when the number does
     * not fit in a long (RFC 9110 §8.6: "prevent ... integer conversion overflows").
     */
    public static long parseDecimal(CharSequence s) {
        if (s.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                // Keep scanning: a later non-digit still makes the whole text invalid.
                for (int j = i + 1; j < s.length(); j++) {
                    if (!isDigit(s.charAt(j))) {
                        return -1;
                    }
                }
                return Long.MAX_VALUE;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
