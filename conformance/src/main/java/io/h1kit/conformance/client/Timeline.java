package io.h1kit.conformance.client;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened on one connection and when, for the report: connect, each write (with its
 * boundaries), pauses, reads, half-close, reset, and how the connection ended (FIN or RST, and
 * who caused it). Times are microseconds since the connection began. Thread-safe.
 */
public final class Timeline {
    /** The kinds of event recorded. */
    public enum Kind { CONNECT, WRITE, WRITE_FAILED, PAUSE, HALF_CLOSE, RESET_SENT, READ, FIN_RECEIVED, RST_RECEIVED, TIMEOUT, CLOSE }

    /**
     * One event.
     *
     * @param micros microseconds since the connection began
     * @param kind   what happened
     * @param bytes  bytes written or read (0 when not applicable)
     * @param note   a detail, such as the timeout that expired
     */
    public record Event(long micros, Kind kind, int bytes, String note) {
    }

    private final long start = System.nanoTime();
    private final List<Event> events = new ArrayList<>();

    public synchronized void add(Kind kind, int bytes, String note) {
        events.add(new Event((System.nanoTime() - start) / 1_000, kind, bytes, note));
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Microseconds since the connection began. */
    public long now() {
        return (System.nanoTime() - start) / 1_000;
    }
}
