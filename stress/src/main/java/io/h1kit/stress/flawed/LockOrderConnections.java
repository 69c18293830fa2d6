package io.h1kit.stress.flawed;

import io.h1kit.stress.subject.ConnectionsSubject;

import java.util.ArrayList;
import java.util.List;

/**
 * Flawed copy of {@link io.h1kit.server.Connections} (one connection's share of it): two locks,
 * taken in opposite orders. The shutdown holds the registry's lock while it closes idle
 * connections, each under the connection's lock; a connection's close holds its own lock while it
 * removes itself from the registry, under the registry's lock. A close and a shutdown at the same
 * moment each hold the lock the other waits for: a deadlock, and the server never stops. The real
 * class never holds one of the two while it takes the other.
 */
public final class LockOrderConnections implements ConnectionsSubject {
    private final Object registry = new Object();
    // A list, not a HashSet: a hash set's buckets follow identity hash codes, which differ between
    // runs, and the model checker must replay an execution exactly to report its deadlock.
    private final List<Connection> open = new ArrayList<>();
    private volatile boolean stopping;
    private final Connection connection = new Connection();

    public LockOrderConnections() {
        synchronized (registry) {
            open.add(connection);
        }
    }

    private final class Connection {
        private boolean idle;
        private boolean closed;

        synchronized boolean idle() {
            if (stopping || closed) {
                return false;
            }
            idle = true;
            return true;
        }

        synchronized void busy() {
            idle = false;
        }

        synchronized void closeIfIdle() {
            if (idle) {
                closed = true;
            }
        }

        synchronized void closeSocket() {
            closed = true;
        }

        void close() {
            synchronized (this) {
                closed = true;
                // BUG: the registry's lock, taken while this connection's lock is held.
                synchronized (registry) {
                    open.remove(this);
                    registry.notifyAll();
                }
            }
        }
    }

    @Override
    public boolean idle() {
        return connection.idle();
    }

    @Override
    public void busy() {
        connection.busy();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public void shutdown() {
        synchronized (registry) {
            stopping = true;
            for (Connection c : open) {
                c.closeIfIdle(); // BUG: a connection's lock, taken while the registry's lock is held.
            }
            for (Connection c : open) {
                c.closeSocket();
            }
        }
    }

    @Override
    public boolean socketClosed() {
        synchronized (connection) {
            return connection.closed;
        }
    }
}
