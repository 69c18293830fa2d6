package io.h1kit.http.site;

import io.h1kit.http.PercentDecoding;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a query string or of an application/x-www-form-urlencoded body: pairs
 * separated by {@code &}, names and values percent-decoded once as UTF-8, {@code +} read as a
 * space (the WHATWG URL Standard's urlencoded parser, strict about malformed escapes).
 */
public final class QueryString {
    /** One decoded parameter; a name without "=" has the empty value. */
    public record Param(String name, String value) {
    }

    private QueryString() {
    }

    /**
     * @throws IllegalArgumentException when an escape is malformed or the bytes are not UTF-8
     */
    public static List<Param> parse(String raw) {
        List<Param> params = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new Param(PercentDecoding.decode(name, true), PercentDecoding.decode(value, true)));
        }
        return params;
    }
}
