package io.h1kit.threadpool;

import io.h1kit.server.BoundedQueue;
import io.h1kit.server.ConnectionHandler;
import io.h1kit.server.Connections;
import io.h1kit.server.ErrorLog;
import io.h1kit.server.Lifecycle;
import io.h1kit.server.Pool;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.ServerOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * The thread-pool server: one acceptor thread produces accepted connections into a
 * {@link BoundedQueue}; a {@link WorkerPool} consumes them, each worker serving one connection
 * (all its keep-alive requests) at a time. A slow client now holds one worker, not the server.
 *
 * <pre>
 *   acceptor --accept--&gt; [ queue: capacity Q ] --take--&gt; worker 1..W --serve--&gt; close
 *       | queue full: REJECT (503, Retry-After, close) or WAIT (stop accepting)
 * </pre>
 *
 * <p>Its limit, shown by the load scenarios rather than hidden: W keep-alive clients that pause
 * between requests hold all W workers until their idle timeout, and new clients queue.
 *
 * <p>Shutdown: stop accepting; close the queue (workers serve what is queued, each connection's
 * first request with {@code Connection: close}); close idle keep-alive connections at once; give
 * busy ones the grace period; close the rest; wait for every thread. Thread-safe.
 */
public final class ThreadPoolServer implements Server {
    /** The Retry-After of a 503: a second, enough for a worker to free up on a busy server. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final String name;
    private final ServerContext context;
    private final ConnectionHandler handler;
    private final Connections connections;
    private final BoundedQueue<Connections.Connection> queue;
    private final WorkerPool<Connections.Connection> workers;
    private final LongAdder rejected = new LongAdder();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AutoCloseable logs;
    private ServerSocket listener;
    private Thread acceptor;
    private volatile boolean closing;

    /**
     * @param logs closed once the server has stopped and logged it (the asynchronous log
     *             writers, which write what they still hold)
     */
    public ThreadPoolServer(String name, ServerContext context, ConnectionHandler handler, AutoCloseable logs) {
        this.name = name;
        this.logs = logs;
        this.context = context;
        this.handler = handler;
        Pool pool = context.options().pool();
        this.connections = new Connections(context.clock(), context.errorLog(), "h1kit-" + name);
        this.queue = new BoundedQueue<>(pool.queue());
        this.workers = new WorkerPool<>("h1kit-" + name, pool.workers(), queue, (worker, c) -> serve(c));
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
            // The kernel's backlog holds what the WAIT policy does not accept yet.
            socket.bind(new InetSocketAddress(options.bind(), options.port()), options.pool().queue());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        listener = socket;
        connections.start();
        workers.start();
        acceptor = Thread.ofPlatform().name("h1kit-" + name + "-acceptor").start(this::acceptLoop);
        context.errorLog().info("server_started", "stage", name, "address", ErrorLog.address(address()),
                "workers", options.pool().workers(), "queue", options.pool().queue(), "overload",
                options.pool().overload().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        Pool.Overload overload = context.options().pool().overload();
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                context.errorLog().error("accept_failed", "error", e.getMessage());
                Lifecycle.backOffAfterAcceptError();
                continue;
            }
            context.statistics().connectionAccepted();
            Connections.Connection connection = connections.open(socket);
            if (connection == null) {
                Lifecycle.closeQuietly(socket);
                return;
            }
            if (overload == Pool.Overload.REJECT) {
                if (!queue.offer(connection)) {
                    reject(connection);
                }
            } else {
                try {
                    if (!queue.put(connection)) {
                        connection.close(); // the queue closed: shutting down
                        return;
                    }
                } catch (InterruptedException e) {
                    connection.close();
                    return;
                }
            }
        }
    }

    private void serve(Connections.Connection connection) {
        try {
            handler.serve(connection);
        } catch (RuntimeException e) {
            context.errorLog().error("handler_crashed", "error", String.valueOf(e));
            connection.close();
        }
    }

    /**
     * RFC 9110 §15.6.4: 503 "indicates that the server is currently unable to handle the request
     * due to a temporary overload"; Retry-After says when to try again. Written by the acceptor,
     * which must not block: the response is small (it fits the socket buffer), and instead of a
     * lingering close the request bytes already received are read without waiting, so that the
     * close does not turn into a reset that destroys the 503.
     */
    private void reject(Connections.Connection connection) {
        rejected.increment();
        Socket socket = connection.socket();
        try {
            OutputStream out = socket.getOutputStream();
            connection.beginWrite(context.options().timeouts().write());
            out.write(REJECTION);
            out.flush();
            connection.endWrite();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            int available = in.available();
            if (available > 0) {
                in.skipNBytes(Math.min(available, REJECTION_DRAIN_BYTES));
            }
        } catch (IOException e) {
            // The client is gone already.
        } finally {
            connection.close();
        }
        context.statistics().response(503);
        context.errorLog().warn("overloaded", "client", ErrorLog.address((InetSocketAddress) socket.getRemoteSocketAddress()),
                "queue", queue.size());
    }

    /** Request bytes read without waiting before closing a rejected connection: a request head's worth. */
    static final int REJECTION_DRAIN_BYTES = 65_536;

    private static final String REJECTION_BODY = "The server is busy; try again later.\n";
    private static final byte[] REJECTION = ("HTTP/1.1 503 Service Unavailable\r\n"
            + "Retry-After: " + RETRY_AFTER_SECONDS + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + REJECTION_BODY.length() + "\r\n"
            + "Connection: close\r\n\r\n"
            + REJECTION_BODY).getBytes(StandardCharsets.US_ASCII);

    /** What the status page shows about this server's threads and queue. */
    public PoolStatus status() {
        Connections.State[] states = new Connections.State[workers.size()];
        for (int i = 0; i < states.length; i++) {
            Connections.Connection c = workers.current(i);
            states[i] = c == null ? null : c.state();
        }
        return new PoolStatus(connections.size(), queue.size(), queue.capacity(), queue.highWaterMark(),
                rejected.sum(), states);
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
        queue.close(); // wakes an acceptor waiting to put, and tells workers to end when drained
        Lifecycle.join(acceptor);
        Duration grace = context.options().timeouts().shutdownGrace();
        int forced = connections.shutdown(grace);
        boolean ended;
        try {
            ended = workers.awaitTermination(grace);
            if (!ended) {
                workers.interrupt();
                ended = workers.awaitTermination(grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        connections.close();
        PoolStatus status = status();
        context.errorLog().info("server_stopped", "stage", name, "connections", context.statistics().snapshot().connections(),
                "requests", context.statistics().snapshot().requests(), "rejected", status.rejected(),
                "queue_high_water", status.queueHighWater(), "forced_closes", forced, "workers_ended", ended);
        Lifecycle.closeQuietly(logs);
        stopped.countDown();
    }

    @Override
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
