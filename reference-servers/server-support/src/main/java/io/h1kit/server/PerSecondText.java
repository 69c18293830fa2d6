package io.h1kit.server;

import java.util.function.LongFunction;

/**
 * A time formatted once per second rather than once per use: the {@code Date} field of every
 * response, the time of every access-log line. Thread-safe: the cached pair is one immutable
 * object behind a volatile reference, so a reader sees a second and its own text.
 */
public final class PerSecondText {
    private record Cached(long second, String text) {
    }

    private final LongFunction<String> format;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    /** @param format turns an epoch second into its text, for example {@code HttpDate::format} */
    public PerSecondText(LongFunction<String> format) {
        this.format = format;
    }

    /** The text of {@code epochSecond}. */
    public String format(long epochSecond) {
        Cached c = cached;
        if (c.second != epochSecond) {
            c = new Cached(epochSecond, format.apply(epochSecond));
            cached = c;
        }
        return c.text;
    }
}
