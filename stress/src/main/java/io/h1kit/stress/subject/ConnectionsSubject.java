package io.h1kit.stress.subject;

import io.h1kit.server.Clock;
import io.h1kit.server.Connections;
import io.h1kit.server.ErrorLog;
import io.h1kit.server.LogSink;

import java.io.FileDescriptor;
import java.net.Socket;
import java.time.Duration;

/**
 * One tracked connection and the server's shutdown, as the stress tests see them: the connection's
 * thread marks it idle or busy and closes it, the shutdown thread closes idle ones and then what is
 * left (a grace period of zero). {@link #real} is {@link Connections} over an unconnected socket.
 */
public interface ConnectionsSubject {
    /** Marks the connection idle; false when the server is stopping or the connection is closed. */
    boolean idle();

    void busy();

    /** The connection's own thread closes it and stops tracking it. */
    void close();

    /** Stops the server with no grace period: every tracked connection ends up closed. */
    void shutdown();

    boolean socketClosed();

    /** The real tracking of the blocking stages; the clock stands still, nothing is logged. */
    static ConnectionsSubject real() {
        Clock still = new Clock() {
            @Override
            public long monotonicMillis() {
                return 0;
            }

            @Override
            public long epochMillis() {
                return 0;
            }
        };
        Connections connections = new Connections(still,
                new ErrorLog(LogSink.open(LogSink.OFF, FileDescriptor.err), still), "stress");
        Socket socket = new Socket();
        Connections.Connection c = connections.open(socket);
        return new ConnectionsSubject() {
            @Override
            public boolean idle() {
                return c.idle();
            }

            @Override
            public void busy() {
                c.busy();
            }

            @Override
            public void close() {
                c.close();
            }

            @Override
            public void shutdown() {
                connections.shutdown(Duration.ZERO);
            }

            @Override
            public boolean socketClosed() {
                return socket.isClosed();
            }
        };
    }
}
