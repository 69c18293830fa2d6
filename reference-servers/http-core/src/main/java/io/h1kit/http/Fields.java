package io.h1kit.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An ordered list of header or trailer field lines. Names keep the case they were received or
 * added with; lookups ignore ASCII case (RFC 9110 §5.1). Values are kept as received, one char per
 * octet (ISO-8859-1), so obs-text survives unchanged.
 *
 * <p>Not thread-safe. A request's fields are not changed after parsing.
 */
public final class Fields implements Iterable<Fields.Field> {
    /** One field line. */
    public record Field(String name, String value) {
    }

    private final List<Field> lines = new ArrayList<>();

    public Fields add(String name, String value) {
        lines.add(new Field(name, value));
        return this;
    }

    /** Replaces every line of {@code name} with one line holding {@code value}. */
    public Fields set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    public Fields remove(String name) {
        lines.removeIf(f -> f.name.equalsIgnoreCase(name));
        return this;
    }

    /** The value of the first line with this name, or null. */
    public String get(String name) {
        for (Field f : lines) {
            if (f.name.equalsIgnoreCase(name)) {
                return f.value;
            }
        }
        return null;
    }

    /** Every value of this name, in order. */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>(2);
        for (Field f : lines) {
            if (f.name.equalsIgnoreCase(name)) {
                out.add(f.value);
            }
        }
        return out;
    }

    public int count(String name) {
        int n = 0;
        for (Field f : lines) {
            if (f.name.equalsIgnoreCase(name)) {
                n++;
            }
        }
        return n;
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    /**
     * Whether a comma-separated list field (RFC 9110 §5.6.1) holds {@code token}, in any letter
     * case, on any of its lines. Used for {@code Connection} options.
     */
    public boolean containsToken(String name, String token) {
        for (Field f : lines) {
            if (f.name.equalsIgnoreCase(name)) {
                for (String element : Grammar.listElements(f.value)) {
                    if (element.equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public int size() {
        return lines.size();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public Field get(int index) {
        if (index < 0 || index >= lines.size()) {
            throw new NoSuchElementException("no field line " + index);
        }
        return lines.get(index);
    }

    @Override
    public Iterator<Field> iterator() {
        return Collections.unmodifiableList(lines).iterator();
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
