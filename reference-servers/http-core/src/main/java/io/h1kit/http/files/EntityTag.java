package io.h1kit.http.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity-tag (RFC 9110 §8.8.3): {@code entity-tag = [ weak ] opaque-tag}, with the two
 * comparison functions of §8.8.3.2 and a lenient reader for the lists in {@code If-Match} and
 * {@code If-None-Match}. An immutable value.
 *
 * @param weak   whether the tag carries the {@code W/} prefix
 * @param opaque the characters between the double quotes
 */
public record EntityTag(boolean weak, String opaque) {

    public EntityTag {
        Objects.requireNonNull(opaque, "opaque");
        for (int i = 0; i < opaque.length(); i++) {
            if (!isEtagc(opaque.charAt(i))) {
                throw new IllegalArgumentException("not an etagc character at " + i + ": " + opaque);
            }
        }
    }

    public static EntityTag strong(String opaque) {
        return new EntityTag(false, opaque);
    }

    /**
     * RFC 9110 §8.8.3.2: "Strong comparison: two entity tags are equivalent if both are not weak
     * and their opaque-tags match character-by-character."
     */
    public boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /**
     * RFC 9110 §8.8.3.2: "Weak comparison: two entity tags are equivalent if their opaque-tags
     * match character-by-character, regardless of either or both being tagged as 'weak'."
     */
    public boolean weakMatch(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    /** The field value form, for example {@code "5f-3e8"} or {@code W/"x"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + '"';
    }

    /** Exactly one entity-tag with optional surrounding whitespace, or empty. */
    public static Optional<EntityTag> parse(String value) {
        int start = skipWhitespace(value, 0);
        int end = tagEnd(value, start);
        if (end < 0 || skipWhitespace(value, end) != value.length()) {
            return Optional.empty();
        }
        return Optional.of(of(value, start, end));
    }

    /**
     * The entity-tags of a {@code #entity-tag} list. An element that is not a valid entity-tag
     * (an unquoted tag, say) is skipped, so it matches nothing, rather than voiding its
     * neighbours. An etagc may itself be a comma, so the list is scanned, not split.
     */
    public static List<EntityTag> parseList(String value) {
        List<EntityTag> tags = new ArrayList<>(2);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int end = tagEnd(value, i);
            int next = end < 0 ? -1 : skipWhitespace(value, end);
            if (next >= 0 && (next == value.length() || value.charAt(next) == ',')) {
                tags.add(of(value, i, end));
                i = next;
            } else {
                int comma = value.indexOf(',', i + 1);
                i = comma < 0 ? value.length() : comma;
            }
        }
        return tags;
    }

    /** The index just after the entity-tag starting at {@code start}, or -1 if none starts there. */
    private static int tagEnd(String s, int start) {
        int i = s.startsWith("W/", start) ? start + 2 : start;
        if (i >= s.length() || s.charAt(i) != '"') {
            return -1;
        }
        i++;
        while (i < s.length() && isEtagc(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '"' ? i + 1 : -1;
    }

    private static EntityTag of(String s, int start, int end) {
        boolean weak = s.charAt(start) == 'W';
        return new EntityTag(weak, s.substring(start + (weak ? 3 : 1), end - 1));
    }

    /** RFC 9110 §8.8.3: {@code etagc = %x21 / %x23-7E / obs-text}. */
    private static boolean isEtagc(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
