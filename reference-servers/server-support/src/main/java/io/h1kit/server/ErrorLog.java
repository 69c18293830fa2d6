package io.h1kit.server;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The error log: one line per event, {@code <ISO-8601 time> <level> <event> key=value ...}, with
 * stable snake_case event names (for example {@code request_rejected}, {@code request_timeout},
 * {@code client_reset}) that scripts and the conformance report can match on. Thread-safe.
 */
public final class ErrorLog {
    /** How serious an event is. */
    public enum Level { INFO, WARN, ERROR }

    /**
     * Longest value written: a request-target can be 8 KiB, and an error line stays readable
     * (the access log keeps the whole request-line).
     */
    public static final int MAX_VALUE_CHARS = 1_024;

    private final LogSink sink;
    private final Clock clock;

    public ErrorLog(LogSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Logs an event.
     *
     * @param keyValues alternating keys and values; values are quoted when they hold anything
     *                  but plain visible characters
     */
    public void event(Level level, String event, Object... keyValues) {
        if (!sink.enabled()) {
            return;
        }
        StringBuilder sb = new StringBuilder(128);
        sb.append(Instant.ofEpochMilli(clock.epochMillis())).append(' ')
                .append(level.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            sb.append(' ').append(keyValues[i]).append('=');
            appendValue(sb, keyValues[i + 1]);
        }
        sink.line(sb.toString());
    }

    public void info(String event, Object... keyValues) {
        event(Level.INFO, event, keyValues);
    }

    public void warn(String event, Object... keyValues) {
        event(Level.WARN, event, keyValues);
    }

    public void error(String event, Object... keyValues) {
        event(Level.ERROR, event, keyValues);
    }

    /** host:port of a client, as error lines print it. */
    public static String address(InetSocketAddress address) {
        return address == null ? "-" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static void appendValue(StringBuilder sb, Object value) {
        String text = String.valueOf(value);
        if (text.length() > MAX_VALUE_CHARS) {
            text = text.substring(0, MAX_VALUE_CHARS) + "...(" + (text.length() - MAX_VALUE_CHARS) + " more)";
        }
        String escaped = LogText.escapeText(text);
        boolean plain = !text.isEmpty() && escaped.equals(text) && text.indexOf(' ') < 0 && text.indexOf('=') < 0;
        if (plain) {
            sb.append(text);
        } else {
            sb.append('"').append(escaped).append('"');
        }
    }
}
