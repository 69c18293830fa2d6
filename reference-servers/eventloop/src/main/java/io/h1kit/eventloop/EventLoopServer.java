package io.h1kit.eventloop;

import io.h1kit.http.Handler;
import io.h1kit.http.ResponseWriter;
import io.h1kit.server.ErrorLog;
import io.h1kit.server.EventLoops;
import io.h1kit.server.Lifecycle;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.ServerOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The event-loop server: one acceptor thread and N {@link EventLoop}s. The acceptor blocks in
 * {@code accept}, makes each new socket non-blocking and hands it round-robin to a loop, which
 * owns it until it closes. Nothing on a loop blocks on a client; a handler that blocks (the kit's
 * handlers read small files and the status page) holds its whole loop, which is why none of them
 * streams.
 *
 * <pre>
 *   acceptor --accept--&gt; [ open &lt; max? ] --round-robin--&gt; HandOff --&gt; loop 1..N (Selector, timers)
 *                            | no: 503 + Retry-After, written without blocking, then close
 * </pre>
 *
 * <p>Shutdown: stop accepting; each loop stops keeping connections alive and closes its idle
 * ones at once; busy ones get the shutdown grace to finish; then every loop closes what is left
 * and ends. Thread-safe.
 */
public final class EventLoopServer implements Server {
    /** The Retry-After of a 503: a second, enough for connections to close on a busy server. */
    static final int RETRY_AFTER_SECONDS = 1;
    /** Request bytes read without waiting before closing a refused connection: a request head's worth. */
    static final int REFUSAL_DRAIN_BYTES = 16_384;
    /** The listen backlog: the kernel holds a burst of connects while the acceptor catches up. */
    static final int BACKLOG = 1_024;

    private static final String REFUSAL_BODY = "The server is busy; try again later.\n";
    private static final byte[] REFUSAL = ("HTTP/1.1 503 Service Unavailable\r\n"
            + "Retry-After: " + RETRY_AFTER_SECONDS + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + REFUSAL_BODY.length() + "\r\n"
            + "Connection: close\r\n\r\n"
            + REFUSAL_BODY).getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final ServerContext context;
    private final Handler handler;
    private final ResponseWriter writer;
    private final BufferPool buffers;
    private final AutoCloseable logs;
    private final EventLoops sizing;
    private final List<EventLoop> loops = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final Object drained = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ServerSocketChannel listener;
    private InetSocketAddress address;
    private Thread acceptor;
    private volatile boolean closing;

    /**
     * @param logs closed once the server has stopped and logged it (the asynchronous log writers)
     */
    public EventLoopServer(String name, ServerContext context, Handler handler, String serverName, BufferPool buffers,
                           AutoCloseable logs) {
        this.name = name;
        this.context = context;
        this.handler = handler;
        this.writer = new ResponseWriter(serverName);
        this.buffers = buffers;
        this.logs = logs;
        this.sizing = context.options().eventLoops();
    }

    @Override
    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        ServerOptions options = context.options();
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(options.bind(), options.port()), BACKLOG);
            for (int i = 0; i < sizing.loops(); i++) {
                loops.add(new EventLoop(i, this, HandOff.DEFAULT_CAPACITY));
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        listener = channel;
        address = (InetSocketAddress) channel.getLocalAddress();
        loops.forEach(EventLoop::start);
        acceptor = Thread.ofPlatform().name("h1kit-" + name + "-acceptor").start(this::acceptLoop);
        context.errorLog().info("server_started", "stage", name, "address", ErrorLog.address(address()),
                "loops", sizing.loops(), "max_connections", sizing.maxConnections());
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    private void acceptLoop() {
        int next = 0;
        while (!closing) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                context.errorLog().error("accept_failed", "error", e.getMessage());
                Lifecycle.backOffAfterAcceptError();
                continue;
            }
            context.statistics().connectionAccepted();
            if (open.incrementAndGet() > sizing.maxConnections()) {
                connectionClosed();
                refuse(channel, "connection_limit");
                continue;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                Lifecycle.closeQuietly(channel);
                connectionClosed();
                continue;
            }
            EventLoop loop = loops.get(next);
            next = next + 1 == loops.size() ? 0 : next + 1;
            if (!loop.offer(channel)) {
                connectionClosed();
                refuse(channel, "loop_busy");
            }
        }
    }

    /**
     * RFC 9110 §15.6.4: 503 "indicates that the server is currently unable to handle the request
     * due to a temporary overload"; Retry-After says when to try again. Written by the acceptor
     * without blocking: the response is small and a new socket's buffer is empty. Instead of a
     * lingering close, the request bytes already received are read without waiting, so that the
     * close does not turn into a reset that destroys the 503.
     */
    private void refuse(SocketChannel channel, String reason) {
        refused.increment();
        InetSocketAddress client = null;
        try {
            client = (InetSocketAddress) channel.getRemoteAddress();
            channel.configureBlocking(false);
            channel.write(ByteBuffer.wrap(REFUSAL));
            channel.shutdownOutput();
            channel.read(ByteBuffer.allocate(REFUSAL_DRAIN_BYTES));
        } catch (IOException e) {
            // the client is gone already
        } finally {
            Lifecycle.closeQuietly(channel);
        }
        context.statistics().response(503);
        context.errorLog().warn("overloaded", "client", ErrorLog.address(client), "reason", reason,
                "open", open.get());
    }

    /** A connection ended (any loop): counted, and shutdown told when the last one is gone. */
    void connectionClosed() {
        if (open.decrementAndGet() <= 0 && closing) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    ServerContext context() {
        return context;
    }

    Handler handler() {
        return handler;
    }

    ResponseWriter writer() {
        return writer;
    }

    BufferPool buffers() {
        return buffers;
    }

    /** Wakes every loop so that it reads its clock again: for tests that move a fake clock. */
    void wakeLoops() {
        loops.forEach(EventLoop::wakeup);
    }

    /** What the status page shows about the loops, the buffer pool and the connection limit. */
    public EventLoopStatus status() {
        List<LoopStatus> each = new ArrayList<>(loops.size());
        for (EventLoop loop : loops) {
            each.add(loop.status());
        }
        return new EventLoopStatus(Math.max(0, open.get()), sizing.maxConnections(), refused.sum(), buffers.stats(), each);
    }

    /** Loop threads, for tests that check none is left. */
    List<Thread> threads() {
        List<Thread> all = new ArrayList<>();
        loops.forEach(l -> all.add(l.thread()));
        if (acceptor != null) {
            all.add(acceptor);
        }
        return all;
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
        Lifecycle.join(acceptor);
        loops.forEach(EventLoop::markStopping);
        loops.forEach(EventLoop::beginShutdown);
        Duration grace = context.options().timeouts().shutdownGrace();
        // A thread wait, so real time: the injected clock drives the loops' timers, not this.
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (drained) {
            long left;
            while (open.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    drained.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int forced = Math.max(0, open.get());
        loops.forEach(EventLoop::stop);
        boolean ended = true;
        for (EventLoop loop : loops) {
            try {
                loop.thread().join(grace.toMillis() + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended &= !loop.thread().isAlive();
        }
        var s = context.statistics().snapshot();
        context.errorLog().info("server_stopped", "stage", name, "connections", s.connections(), "requests", s.requests(),
                "refused", refused.sum(), "forced_closes", forced, "loops_ended", ended,
                "buffers_outstanding", buffers.stats().outstanding());
        Lifecycle.closeQuietly(logs);
        stopped.countDown();
    }

    @Override
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
