package io.h1kit.server;

/**
 * How an event-loop server (stage 4) sizes its loops and how many connections it holds at most.
 *
 * @param loops          selector threads, each owning its connections for their whole life
 * @param maxConnections open connections at most; beyond it a new connection is answered 503
 *                       with Retry-After and closed
 */
public record EventLoops(int loops, int maxConnections) {

    /**
     * A loop never blocks, so one per core keeps every core busy without context switches
     * (nginx's {@code worker_processes auto}).
     */
    public static final int LOOPS = Runtime.getRuntime().availableProcessors();
    /**
     * An idle connection costs under 1 KiB of heap and no thread, so the limit is set by file
     * descriptors and kernel socket buffers, not by the server: twice the 10,000 idle keep-alive
     * clients of the load scenarios, below the descriptor limit the JVM raises itself to.
     */
    public static final int MAX_CONNECTIONS = 20_000;
    /** Upper bounds that catch a typo rather than limit a real deployment. */
    public static final int MAX_LOOPS = 1_024;
    public static final int MAX_MAX_CONNECTIONS = 10_000_000;

    public static final EventLoops DEFAULTS = new EventLoops(LOOPS, MAX_CONNECTIONS);

    public EventLoops {
        if (loops < 1 || loops > MAX_LOOPS) {
            throw new IllegalArgumentException("loops must be 1 to " + MAX_LOOPS + ", was " + loops);
        }
        if (maxConnections < 1 || maxConnections > MAX_MAX_CONNECTIONS) {
            throw new IllegalArgumentException("max connections must be 1 to " + MAX_MAX_CONNECTIONS + ", was "
                    + maxConnections);
        }
    }
}
