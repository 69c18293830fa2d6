package io.h1kit.http.files;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTagTest {
    static final EntityTag E1 = EntityTag.strong("e1");
    static final EntityTag WEAK_E1 = new EntityTag(true, "e1");

    @Test
    @DisplayName("RFC 9110 §8.8.3.2: strong comparison needs two strong tags, weak only equal opaque-tags")
    void comparison() {
        assertTrue(E1.strongMatch(EntityTag.strong("e1")));
        assertFalse(E1.strongMatch(WEAK_E1));
        assertFalse(WEAK_E1.strongMatch(WEAK_E1));
        assertFalse(E1.strongMatch(EntityTag.strong("e2")));
        assertTrue(E1.weakMatch(WEAK_E1));
        assertTrue(WEAK_E1.weakMatch(WEAK_E1));
        assertFalse(E1.weakMatch(EntityTag.strong("E1")));
    }

    @Test
    @DisplayName("toString gives the field value form")
    void fieldValue() {
        assertEquals("\"e1\"", E1.toString());
        assertEquals("W/\"e1\"", WEAK_E1.toString());
        assertEquals("\"\"", EntityTag.strong("").toString());
    }

    @Test
    @DisplayName("a list is scanned, not split: an etagc may be a comma")
    void listWithComma() {
        assertEquals(List.of(EntityTag.strong("a,b"), EntityTag.strong("c")), EntityTag.parseList("\"a,b\", \"c\""));
    }

    @Test
    @DisplayName("lists: OWS, empty elements and weak tags")
    void lists() {
        assertEquals(List.of(EntityTag.strong("x"), E1), EntityTag.parseList("\"x\", \"e1\""));
        assertEquals(List.of(EntityTag.strong("x"), WEAK_E1), EntityTag.parseList(" ,\"x\",,\tW/\"e1\" ,"));
        assertEquals(List.of(), EntityTag.parseList(""));
    }

    @Test
    @DisplayName("an invalid element is skipped and matches nothing; its neighbours still count")
    void invalidElements() {
        assertEquals(List.of(E1), EntityTag.parseList("e0, \"e1\""));
        assertEquals(List.of(E1), EntityTag.parseList("\"e1\", \"unterminated"));
        assertEquals(List.of(E1), EntityTag.parseList("w/\"x\", \"e1\""));
        assertEquals(List.of(), EntityTag.parseList("*"));
        assertEquals(List.of(), EntityTag.parseList("\"a\" \"b\""));
    }

    @Test
    @DisplayName("parse reads exactly one tag")
    void single() {
        assertEquals(Optional.of(E1), EntityTag.parse(" \"e1\" "));
        assertEquals(Optional.of(WEAK_E1), EntityTag.parse("W/\"e1\""));
        assertEquals(Optional.empty(), EntityTag.parse("\"e1\", \"e2\""));
        assertEquals(Optional.empty(), EntityTag.parse("e1"));
        assertEquals(Optional.empty(), EntityTag.parse("\"e1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a\"b", "a b", "a\tb", "\u0100"})
    @DisplayName("an opaque-tag holds only etagc characters")
    void etagcOnly(String opaque) {
        assertThrows(IllegalArgumentException.class, () -> EntityTag.strong(opaque));
    }
}
