package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Html#escape}: untrusted text placed in element content or a double-quoted attribute. */
class HtmlTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                   | ``
            plain text                           | plain text
            &                                    | &amp;
            <                                    | &lt;
            >                                    | &gt;
            "                                    | &quot;
            '                                    | &#39;
            &amp;                                | &amp;amp;
            <script>alert('x')</script>          | &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;
            a" onmouseover="x                    | a&quot; onmouseover=&quot;x
            café € ünïcode                       | café € ünïcode
            trailing <                           | trailing &lt;
            """)
    void escapesTheFiveMarkupCharacters(String text, String expected) {
        assertEquals(expected, Html.escape(text));
    }
}
