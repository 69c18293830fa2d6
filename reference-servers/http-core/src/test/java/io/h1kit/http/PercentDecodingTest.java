package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PercentDecoding}: RFC 3986 §2.1 into UTF-8, done exactly once (§2.4). */
class PercentDecodingTest {

    @ParameterizedTest(name = "[{0}] plus={1} -> [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            abc               | false | abc
            ''                | false | ''
            %41%42            | false | AB
            %2f%2F            | false | //
            %252e             | false | %2e
            a+b               | false | a+b
            a+b               | true  | a b
            %2B               | true  | +
            a%20b+c           | true  | a b c
            %C3%A9            | false | é
            caf%c3%a9         | false | café
            %e2%82%ac         | false | €
            %F0%9F%98%80      | false | 😀
            """)
    void decodes(String text, boolean plusAsSpace, String expected) {
        assertEquals(expected, PercentDecoding.decode(text, plusAsSpace));
    }

    @Test
    void decodesControlCharactersAndLeavesTheirJudgementToTheCaller() {
        // A NUL or CRLF is valid percent-encoded UTF-8; whoever uses the result must refuse it
        // where it is dangerous (catalogue PATH-07, PATH-11).
        assertEquals("a\0b", PercentDecoding.decode("a%00b", false));
        assertEquals("\r\n\u007f", PercentDecoding.decode("%0d%0A%7f", false));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "%", "a%", "%4", "%zz", "%4g", "%g4", "%%41", "% 41",   // not pct-encoded = "%" HEXDIG HEXDIG
        "%c0%ae", "%c0%af", "%e0%80%ae", "%f0%80%80%ae",        // overlong UTF-8 (catalogue PATH-06)
        "%c3", "%e2%82", "%80", "%bf",                          // truncated, or a lone continuation byte
        "%ed%a0%80", "%f4%90%80%80", "%ff", "%fe",              // a surrogate, past U+10FFFF, never UTF-8
        "caf\u00e9%41", "%41\u00e9",                            // raw non-ASCII beside an escape
    })
    void refusesWhatIsNotPercentEncodedUtf8(String text) {
        assertThrows(IllegalArgumentException.class, () -> PercentDecoding.decode(text, false));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"caf\u00e9", "\u00c3\u00a9", "a\u20acb", "+\u00e9"})
    void refusesRawNonAsciiWithoutAnEscapeToo(String text) {
        assertThrows(IllegalArgumentException.class, () -> PercentDecoding.decode(text, true));
        assertThrows(IllegalArgumentException.class, () -> PercentDecoding.decode(text, false));
    }
}
