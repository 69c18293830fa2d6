package io.h1kit.server;

import java.util.Locale;

/**
 * How a server with worker threads (stage 3) sizes them and what it does when they are all busy.
 *
 * @param workers  threads serving connections
 * @param queue    accepted connections waiting for a worker
 * @param overload what the acceptor does when the queue is full
 */
public record Pool(int workers, int queue, Overload overload) {

    /**
     * Workers block on their client for most of a request, so there are many more than cores: 64
     * serves the load scenarios' 64 keep-alive clients at once, and a parked platform thread costs
     * its stack's touched pages (tens of KiB), not the 1 MiB it reserves.
     */
    public static final int WORKERS = 64;
    /** Twice the workers: a burst waits briefly instead of being refused, without hiding an overload. */
    public static final int QUEUE = 128;
    public static final Overload OVERLOAD = Overload.REJECT;
    /** Upper bounds that catch a typo (a million threads) rather than limit a real deployment. */
    public static final int MAX_WORKERS = 10_000;
    public static final int MAX_QUEUE = 1_000_000;

    public static final Pool DEFAULTS = new Pool(WORKERS, QUEUE, OVERLOAD);

    public Pool {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be 1 to " + MAX_WORKERS + ", was " + workers);
        }
        if (queue < 1 || queue > MAX_QUEUE) {
            throw new IllegalArgumentException("queue must be 1 to " + MAX_QUEUE + ", was " + queue);
        }
        if (overload == null) {
            throw new IllegalArgumentException("overload policy missing");
        }
    }

    /** What to do with a new connection when the queue is full. */
    public enum Overload {
        /** Answer 503 with Retry-After and close: the client learns at once and may retry. */
        REJECT,
        /** Stop accepting until a worker frees a place: the kernel's listen backlog absorbs the rest. */
        WAIT;

        public static Overload parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "reject" -> REJECT;
                case "wait" -> WAIT;
                default -> throw new IllegalArgumentException("overload policy must be reject or wait, not '" + text + "'");
            };
        }
    }
}
