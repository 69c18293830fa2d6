package io.h1kit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * An iterative server, as in CSAPP's {@code echoserveri} and the first server of UNIX Network
 * Programming: one thread accepts a connection, serves it to the end, then accepts the next.
 * Connections that arrive meanwhile wait in the kernel's listen backlog. Stages 1 and 2 are this
 * loop with a different {@link ConnectionHandler}.
 *
 * <p>Threads: one serving thread, plus the reaper of {@link Connections}; {@link #close()} may be
 * called from any thread.
 */
public final class IterativeServer implements Server {
    /** Pending connections the kernel queues while the one connection is served (Linux caps it at somaxconn). */
    public static final int LISTEN_BACKLOG = 128;

    private final String name;
    private final ServerContext context;
    private final ConnectionHandler handler;
    private final Connections connections;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ServerSocket listener;
    private Thread thread;
    private volatile boolean closing;

    public IterativeServer(String name, ServerContext context, ConnectionHandler handler) {
        this.name = name;
        this.context = context;
        this.handler = handler;
        this.connections = new Connections(context.clock(), context.errorLog(), "h1kit-" + name);
    }

    @Override
    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        ServerOptions options = context.options();
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(options.bind(), options.port()), LISTEN_BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        listener = socket;
        connections.start();
        thread = Thread.ofPlatform().name("h1kit-" + name).start(this::acceptLoop);
        context.errorLog().info("server_started", "stage", name, "address", ErrorLog.address(address()));
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closing) {
                    break; // close() closed the listener
                }
                // For example EMFILE: the listener is still open; back off so the loop does not spin.
                context.errorLog().error("accept_failed", "error", e.getMessage());
                Lifecycle.backOffAfterAcceptError();
                continue;
            }
            context.statistics().connectionAccepted();
            Connections.Connection connection = connections.open(socket);
            if (connection == null) {
                Lifecycle.closeQuietly(socket);
                break;
            }
            try {
                handler.serve(connection);
            } catch (RuntimeException e) {
                // A bug in a handler must not stop the server; the next client is served.
                context.errorLog().error("handler_crashed", "error", String.valueOf(e));
                connection.close();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing || listener == null) {
                return;
            }
            closing = true;
        }
        Lifecycle.closeQuietly(listener);
        int forced = connections.shutdown(context.options().timeouts().shutdownGrace());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close();
        Statistics.Snapshot s = context.statistics().snapshot();
        context.errorLog().info("server_stopped", "stage", name, "connections", s.connections(),
                "requests", s.requests(), "forced_closes", forced);
        stopped.countDown();
    }

    @Override
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
