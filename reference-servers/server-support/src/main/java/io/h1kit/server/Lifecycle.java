package io.h1kit.server;

import java.time.Duration;

/**
 * The small steps every server's accept loop and shutdown take, written once: back off after a
 * failed accept, wait for a thread, close what may already be closed.
 */
public final class Lifecycle {
    /**
     * How long an acceptor waits after accept() fails (out of descriptors, a connection reset before
     * it was accepted) before it tries again: without a pause, a server out of descriptors would
     * spin on accept at full CPU and flood its error log; 100 ms lets connections close meanwhile.
     */
    public static final Duration ACCEPT_ERROR_BACKOFF = Duration.ofMillis(100);

    private Lifecycle() {
    }

    /** Waits {@link #ACCEPT_ERROR_BACKOFF}; an interrupt ends the wait and stays set for the caller. */
    public static void backOffAfterAcceptError() {
        try {
            Thread.sleep(ACCEPT_ERROR_BACKOFF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code t} to end; an interrupt ends the wait and stays set for the caller. */
    public static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes {@code c}, ignoring a failure: called while shutting down, when nothing is left to tell. */
    public static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing during shutdown or after an error: nothing to report
        }
    }
}
