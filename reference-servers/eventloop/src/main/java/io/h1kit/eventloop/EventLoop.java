package io.h1kit.eventloop;

import io.h1kit.http.HttpDate;
import io.h1kit.http.RequestParser;
import io.h1kit.server.ErrorLog;
import io.h1kit.server.Lifecycle;
import io.h1kit.server.PerSecondText;
import io.h1kit.server.ServerContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One event loop: a thread, its {@link Selector} (epoll on Linux), its {@link TimerQueue}, and
 * the connections the acceptor handed it, which it owns for their whole life. Each turn runs the
 * timers that are due, waits in {@code select} until the next deadline (or a hand-off, or a
 * task), serves the ready connections, then registers new ones and runs posted tasks.
 *
 * <p>Threading: everything here runs on the loop's thread, except {@link #offer}, {@link #post}
 * and the status getters, which any thread may call. Per-loop pools (parsers, the file cache,
 * the gather array) need no lock for that reason.
 */
final class EventLoop implements Runnable {
    /**
     * Idle parsers kept for reuse: a parser is held only while a request is being read, so a loop
     * rarely needs more at once; and a parser keeps the line buffer its longest header grew (up to
     * the 32 KiB header limit), so the pool stays at most 8 MiB per loop.
     */
    static final int MAX_POOLED_PARSERS = 256;

    private final int id;
    private final EventLoopServer server;
    private final ServerContext context;
    private final Selector selector;
    private final HandOff<SocketChannel> handOff;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final TimerQueue timers = new TimerQueue();
    private final ArrayDeque<RequestParser> parsers = new ArrayDeque<>();
    private final FileCache fileCache = new FileCache();
    private final ByteBuffer[] gather = new ByteBuffer[Outbound.MAX_GATHER];
    private final PerSecondText date = new PerSecondText(HttpDate::format);
    private final Responder responder;
    private final Thread thread;

    /** Connections per state, written by the loop only (release stores), read by the status page. */
    private final AtomicIntegerArray states = new AtomicIntegerArray(HttpConnection.State.values().length);
    private final AtomicLong requests = new AtomicLong();
    private volatile int connections;
    private volatile int timersPending;
    private volatile boolean stopping;
    private volatile boolean stopped;

    EventLoop(int id, EventLoopServer server, int handOffCapacity) throws IOException {
        this.id = id;
        this.server = server;
        this.context = server.context();
        this.selector = Selector.open();
        this.handOff = new HandOff<>(handOffCapacity, selector::wakeup);
        this.responder = new Responder(this, context, server.handler(), server.writer());
        this.thread = Thread.ofPlatform().name("h1kit-eventloop-" + id).unstarted(this);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Hands a new connection to this loop (any thread); false when the loop cannot take it. */
    boolean offer(SocketChannel channel) {
        return handOff.offer(channel);
    }

    /** Runs {@code task} on the loop's thread (any thread may call). */
    void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Wakes the loop so that it looks at its clock again (tests that move a fake clock). */
    void wakeup() {
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                timers.expire(now());
                long next = timers.nextDeadline();
                timersPending = timers.size();
                if (handOff.prepareToSleep()) {
                    long timeout = next == TimerQueue.NEVER ? 0 : Math.max(1, next - now());
                    selector.select(this::onSelected, timeout);
                } else {
                    selector.selectNow(this::onSelected);
                }
                handOff.awake();
                SocketChannel channel;
                while ((channel = handOff.poll()) != null) {
                    register(channel);
                }
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
            }
        } catch (IOException | RuntimeException e) {
            context.errorLog().error("event_loop_failed", "loop", id, "error", String.valueOf(e));
        } finally {
            closeAll();
            handOff.close();
            SocketChannel channel;
            while ((channel = handOff.poll()) != null) {
                Lifecycle.closeQuietly(channel);
                server.connectionClosed();
            }
            Lifecycle.closeQuietly(selector);
        }
    }

    private void onSelected(SelectionKey key) {
        if (key.isValid()) {
            ((HttpConnection) key.attachment()).onReady(key);
        }
    }

    private void register(SocketChannel channel) {
        HttpConnection connection = null;
        try {
            InetSocketAddress client = (InetSocketAddress) channel.getRemoteAddress();
            connection = new HttpConnection(this, channel, client);
            connection.register(selector);
            connections++;
        } catch (IOException | RuntimeException e) {
            context.errorLog().info("connection_error", "loop", id, "error", String.valueOf(e));
            Lifecycle.closeQuietly(channel);
            server.connectionClosed();
            return;
        }
        if (stopping) {
            connection.onShutdown();
        }
    }

    /**
     * Shutdown began (any thread): no response decided from now on keeps its connection. Set on
     * every loop before any loop closes a connection, so that a client that sees one connection
     * closed cannot then get a keep-alive answer from another loop that had not heard yet.
     */
    void markStopping() {
        stopping = true;
    }

    /** Shutdown began (any thread): the loop closes its idle connections at once. */
    void beginShutdown() {
        stopping = true;
        post(() -> {
            for (HttpConnection c : connectionsNow()) {
                c.onShutdown();
            }
        });
    }

    /** Ends the loop (any thread): every connection left is closed. */
    void stop() {
        post(() -> stopped = true);
    }

    private void closeAll() {
        for (HttpConnection c : connectionsNow()) {
            c.close();
        }
    }

    private List<HttpConnection> connectionsNow() {
        List<HttpConnection> all = new ArrayList<>(selector.keys().size());
        for (SelectionKey k : selector.keys()) {
            if (k.isValid() && k.attachment() instanceof HttpConnection c) {
                all.add(c);
            }
        }
        return all;
    }

    // ---- what connections use (loop thread) ----

    /** The loop's monotonic time in milliseconds. */
    long now() {
        return context.clock().monotonicMillis();
    }

    ServerContext context() {
        return context;
    }

    Responder responder() {
        return responder;
    }

    BufferPool buffers() {
        return server.buffers();
    }

    TimerQueue timers() {
        return timers;
    }

    FileCache fileCache() {
        return fileCache;
    }

    ByteBuffer[] gather() {
        return gather;
    }

    String date(long epochSecond) {
        return date.format(epochSecond);
    }

    boolean stopping() {
        return stopping;
    }

    RequestParser takeParser() {
        RequestParser p = parsers.pollLast();
        return p != null ? p : new RequestParser(context.options().limits());
    }

    /** Takes back a parser between messages (after END, or having seen only empty lines). */
    void giveParser(RequestParser p) {
        if (parsers.size() < MAX_POOLED_PARSERS) {
            parsers.addLast(p);
        }
    }

    void stateChanged(HttpConnection.State from, HttpConnection.State to) {
        if (from != null) {
            states.setRelease(from.ordinal(), states.getPlain(from.ordinal()) - 1);
        }
        if (to != HttpConnection.State.CLOSED) {
            states.setRelease(to.ordinal(), states.getPlain(to.ordinal()) + 1);
        }
    }

    void countRequest() {
        requests.setRelease(requests.getPlain() + 1);
    }

    void closed(HttpConnection connection) {
        connections--;
        server.connectionClosed();
    }

    // ---- status (any thread) ----

    /** A snapshot of this loop for the status page. */
    LoopStatus status() {
        int[] byState = new int[states.length()];
        for (int i = 0; i < byState.length; i++) {
            byState[i] = states.get(i);
        }
        return new LoopStatus(id, connections, byState, timersPending, requests.get(), handOff.size(),
                fileCache.size(), fileCache.bytes(), fileCache.hits(), fileCache.misses());
    }

    static String address(InetSocketAddress a) {
        return ErrorLog.address(a);
    }
}
