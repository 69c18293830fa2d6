package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Fields}: an ordered field list with case-insensitive names (RFC 9110 §5.1, §5.3). */
class FieldsTest {

    private static Fields sample() {
        return new Fields().add("Host", "t").add("Accept", "a").add("accept", "b").add("X", "").add("ACCEPT", "c");
    }

    @Test
    void looksNamesUpInAnyCaseAndKeepsTheirOwn() {
        Fields f = sample();
        assertEquals("t", f.get("HOST"));
        assertEquals("a", f.get("accept"));
        assertEquals(List.of("a", "b", "c"), f.values("Accept"));
        assertEquals(3, f.count("aCcEpT"));
        assertEquals("", f.get("x"));
        assertTrue(f.contains("x"), "an empty value is still a field");
        assertNull(f.get("Missing"));
        assertFalse(f.contains("Missing"));
        assertEquals(List.of(), f.values("Missing"));
        assertEquals(new Fields.Field("accept", "b"), f.get(2));
    }

    @Test
    void setReplacesEveryLineOfTheNameAndRemoveDropsThemAll() {
        Fields f = sample().set("accept", "z");
        assertEquals(List.of(new Fields.Field("Host", "t"), new Fields.Field("X", ""), new Fields.Field("accept", "z")),
                list(f));
        f.remove("HOST").remove("nothing");
        assertEquals(List.of(new Fields.Field("X", ""), new Fields.Field("accept", "z")), list(f));
        assertEquals(2, f.size());
        assertTrue(new Fields().isEmpty());
    }

    @ParameterizedTest(name = "[{0}] has {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            close                 | close      | true
            CLOSE                 | close      | true
            keep-alive, close     | close      | true
            ' ,close, '           | close      | true
            closed                | close      | false
            'close-ish, x'        | close      | false
            '"close"'             | close      | false
            ''                    | close      | false
            Keep-Alive            | keep-alive | true
            'upgrade,\tkeep-alive'| keep-alive | true
            """)
    void findsATokenInAListField(String value, String token, boolean expected) {
        assertEquals(expected, new Fields().add("Connection", value).containsToken("connection", token));
    }

    @Test
    void findsATokenOnAnyLine() {
        Fields f = new Fields().add("Connection", "upgrade").add("Other", "close").add("connection", "Close");
        assertTrue(f.containsToken("Connection", "close"));
        assertFalse(f.containsToken("Other", "upgrade"));
    }

    @Test
    void guardsItsLines() {
        Fields f = sample();
        assertThrows(NoSuchElementException.class, () -> f.get(5));
        assertThrows(NoSuchElementException.class, () -> f.get(-1));
        Iterator<Fields.Field> it = f.iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        assertEquals(5, f.size());
    }

    private static List<Fields.Field> list(Fields f) {
        List<Fields.Field> out = new ArrayList<>();
        f.forEach(out::add);
        return out;
    }
}
