package io.h1kit.server;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A running reference server. */
public interface Server extends AutoCloseable {

    /** Binds the listening socket and starts serving; returns once the server accepts connections. */
    void start() throws IOException;

    /** The address the server listens on (with the real port when 0 was asked for). */
    InetSocketAddress address();

    /**
     * Stops gracefully: no new connections, idle ones closed, busy ones given the shutdown grace
     * period, then closed. Returns when every server thread has ended. Idempotent.
     */
    @Override
    void close();

    /** Waits until the server has stopped. */
    void awaitStopped() throws InterruptedException;
}
