package io.h1kit.server;

import io.h1kit.http.HttpDate;

/**
 * The {@code Date} field value for the current second, formatted once per second. Thread-safe:
 * the cached pair is one immutable object behind a volatile reference.
 */
public final class DateField {
    private record Cached(long second, String text) {
    }

    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    /** The IMF-fixdate of {@code epochSecond}. */
    public String format(long epochSecond) {
        Cached c = cached;
        if (c.second != epochSecond) {
            c = new Cached(epochSecond, HttpDate.format(epochSecond));
            cached = c;
        }
        return c.text;
    }
}
