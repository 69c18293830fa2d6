package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Grammar}: the character classes and small productions of RFC 9110 §5.6. */
class GrammarTest {

    /** RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&amp;" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA. */
    @Test
    void tcharIsExactlyTheRfcSet() {
        String tchars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int b = -1; b <= 256; b++) {
            assertEquals(b >= 0 && b < 128 && tchars.indexOf(b) >= 0, Grammar.isTchar(b), "byte " + b);
        }
    }

    @Test
    void otherCharacterClasses() {
        for (int b = 0; b < 256; b++) {
            assertEquals(b >= 0x21 && b <= 0x7E, Grammar.isVchar(b), "VCHAR " + b);
            assertEquals(b >= 0x80, Grammar.isObsText(b), "obs-text " + b);
            assertEquals(b == ' ' || b == '\t', Grammar.isWhitespace(b), "OWS " + b);
            assertEquals(b >= '0' && b <= '9', Grammar.isDigit(b), "DIGIT " + b);
            int hex = "0123456789abcdef".indexOf(Character.toLowerCase((char) b));
            assertEquals(b < 128 ? hex : -1, Grammar.hexValue(b), "HEXDIG " + b);
        }
    }

    @Test
    void tokenIsOneOrMoreTchars() {
        assertTrue(Grammar.isToken("chunked"));
        assertTrue(Grammar.isToken("!"));
        assertFalse(Grammar.isToken(""));
        assertFalse(Grammar.isToken("a b"));
        assertFalse(Grammar.isToken("a,b"));
        assertFalse(Grammar.isToken("caf\u00e9"));
    }

    /** RFC 9110 §5.6.1.2: "a recipient MUST accept empty list elements", and ignores them. */
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            a            | a
            a,b          | a;b
            ' a , b '    | a;b
            ',a,,b,'     | a;b
            ' , ,'       | ''
            ''           | ''
            'a b, c'     | a b;c
            '\ta\t,\tb'  | a;b
            """)
    void listElementsDropEmptyOnesAndOws(String value, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(";"));
        assertEquals(want, Grammar.listElements(value));
    }

    @Test
    void trimWhitespaceTakesOnlySpAndHtab() {
        assertEquals("b", Grammar.trimWhitespace("a \t b \t c", 1, 6));
        assertEquals("\u000bx\r", Grammar.trimWhitespace(" \u000bx\r ", 0, 5));
        assertEquals("", Grammar.trimWhitespace("   ", 0, 3));
    }

    /** RFC 9110 §8.6: 1*DIGIT, and "prevent ... integer conversion overflows". */
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                     | 0
            7                     | 7
            007                   | 7
            1048576               | 1048576
            9223372036854775806   | 9223372036854775806
            9223372036854775807   | 9223372036854775807
            9223372036854775808   | 9223372036854775807
            99999999999999999999  | 9223372036854775807
            000000000000000000000000000001 | 1
            ''                    | -1
            +1                    | -1
            -1                    | -1
            ' 1'                  | -1
            '1 '                  | -1
            1_0                   | -1
            0x1                   | -1
            1.0                   | -1
            1e3                   | -1
            99999999999999999999x | -1
            x99999999999999999999 | -1
            \u0661                | -1
            """)
    void parseDecimalIsStrictAndSaturates(String text, long expected) {
        assertEquals(expected, Grammar.parseDecimal(text));
    }
}
