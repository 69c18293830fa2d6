package io.h1kit.conformance.mutants;

import io.h1kit.server.ConnectionHandler;
import io.h1kit.server.Connections;
import io.h1kit.server.ServerContext;
import io.h1kit.server.Timeouts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The echo server's connection loop (as in the echo stage's EchoHandler, which is package-private)
 * with one of the classic echo-server bugs put into how it writes back. The loop reads what the
 * kernel has and hands it to the {@link Fault}; the fault decides what is written and what is
 * lost. Thread-safe: no per-connection state in fields.
 */
final class FaultyEchoHandler implements ConnectionHandler {
    /** Read size, as in the real echo server. */
    static final int BUFFER_BYTES = 65_536;

    /** One connection's echo, with the bug in it. */
    interface Fault {
        /** Echoes until the client's end of stream, then returns; the handler closes the connection. */
        void echo(Socket socket, InputStream in, OutputStream out, Timeouts timeouts) throws IOException;
    }

    private final ServerContext context;
    private final Fault fault;

    FaultyEchoHandler(ServerContext context, Fault fault) {
        this.context = context;
        this.fault = fault;
    }

    @Override
    public void serve(Connections.Connection connection) {
        Socket socket = connection.socket();
        Timeouts timeouts = context.options().timeouts();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(timeouts.idle().toMillis(), Integer.MAX_VALUE));
            connection.busy();
            fault.echo(socket, socket.getInputStream(), socket.getOutputStream(), timeouts);
        } catch (SocketTimeoutException e) {
            // idle: close
        } catch (IOException e) {
            // reset or closed by the client: close
        } finally {
            connection.close();
        }
    }
}
