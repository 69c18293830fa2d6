package io.h1kit.echo;

import io.h1kit.server.Clock;
import io.h1kit.server.ConnectionHandler;
import io.h1kit.server.Connections;
import io.h1kit.server.ErrorLog;
import io.h1kit.server.ServerContext;
import io.h1kit.server.Timeouts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * Echoes one TCP connection (RFC 862): every byte read is written back, in order, until the client
 * closes its side; then the server closes its own. Reads take whatever the kernel has (a partial
 * read is normal); each write blocks until all its bytes are in the socket buffer, so nothing
 * read is ever dropped and a client that stops reading stops the echo (backpressure) until the
 * write timeout. The buffer is per connection: clients never see each other's bytes.
 *
 * <pre>
 *   READ --n bytes--&gt; WRITE n --&gt; READ ... --EOF (client FIN)--&gt; half-close --&gt; CLOSED
 *     | idle timeout / reset / shutdown                                            ^
 *     +----------------------------------------------------------------------------+
 * </pre>
 */
final class EchoHandler implements ConnectionHandler {
    /** Bytes moved per read and write: a socket buffer's worth, so large payloads flow at full speed. */
    static final int BUFFER_BYTES = 65_536;

    private final ServerContext context;

    EchoHandler(ServerContext context) {
        this.context = context;
    }

    @Override
    public void serve(Connections.Connection connection) {
        Socket socket = connection.socket();
        InetSocketAddress client = (InetSocketAddress) socket.getRemoteSocketAddress();
        Clock clock = context.clock();
        Timeouts timeouts = context.options().timeouts();
        long started = clock.monotonicMillis();
        long bytesIn = 0;
        long bytesOut = 0;
        String end;
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            socket.setTcpNoDelay(true); // each echo goes out at once, not held back by Nagle
            socket.setSoTimeout((int) Math.min(timeouts.idle().toMillis(), Integer.MAX_VALUE));
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                if (!connection.idle()) {
                    end = "shutdown";
                    break;
                }
                int n = in.read(buffer);
                connection.busy();
                if (n < 0) {
                    // The client half-closed: everything read has been echoed, so close our side.
                    socket.shutdownOutput();
                    end = "eof";
                    break;
                }
                bytesIn += n;
                connection.beginWrite(timeouts.write());
                out.write(buffer, 0, n);
                connection.endWrite();
                bytesOut += n;
            }
        } catch (SocketTimeoutException e) {
            end = "idle_timeout";
        } catch (SocketException e) {
            end = connection.writeTimedOut() ? "write_timeout"
                    : connection.stopping() ? "shutdown"
                    : String.valueOf(e.getMessage()).contains("reset") ? "client_reset" : "socket_error";
        } catch (IOException e) {
            end = "io_error";
        } finally {
            connection.close();
        }
        long millis = clock.monotonicMillis() - started;
        context.statistics().bytesIn(bytesIn);
        context.statistics().bytesOut(bytesOut);
        context.accessLog().connection(client, bytesIn, bytesOut, millis, end);
        if (end.equals("client_reset") || end.equals("socket_error") || end.equals("io_error")) {
            context.errorLog().info(end, "client", ErrorLog.address(client), "bytes_in", bytesIn, "bytes_out", bytesOut);
        }
    }
}
