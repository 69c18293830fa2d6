package io.h1kit.server;

/** Serves one accepted connection until it closes. Called by the thread that owns the connection. */
@FunctionalInterface
public interface ConnectionHandler {
    /**
     * Serves the connection; must close it before returning and must not throw for anything the
     * client does (log it instead).
     */
    void serve(Connections.Connection connection);
}
