package io.h1kit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections of a server, each idle (waiting for a request) or busy, with an optional
 * write deadline. It gives the blocking stages two things the JDK's blocking sockets lack: a write
 * timeout (a reaper thread closes a socket whose write is blocked past its deadline) and a
 * graceful shutdown (idle connections are closed at once, busy ones get a grace period).
 *
 * <p>Thread-safe: connection threads change their own connection's state; the reaper thread and
 * the shutdown thread read it. State changes and the shutdown's close of an idle connection are
 * made under the connection's lock, so a connection is never closed while it is busy.
 */
public final class Connections implements AutoCloseable {
    /** How often the reaper looks for overdue writes: the resolution of the write timeout. */
    public static final Duration REAPER_TICK = Duration.ofMillis(250);

    private final Clock clock;
    private final ErrorLog errorLog;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Object closedSignal = new Object();
    private volatile boolean stopping;
    private final Thread reaper;

    public Connections(Clock clock, ErrorLog errorLog, String name) {
        this.clock = clock;
        this.errorLog = errorLog;
        this.reaper = Thread.ofPlatform().daemon().name(name + "-reaper").unstarted(this::reap);
    }

    /** Starts the reaper thread. */
    public Connections start() {
        reaper.start();
        return this;
    }

    /** Tracks a newly accepted socket; null when the server is shutting down (close the socket then). */
    public Connection open(Socket socket) {
        if (stopping) {
            return null;
        }
        Connection c = new Connection(socket);
        open.add(c);
        if (stopping) { // shutdown began meanwhile and may not have seen this one
            open.remove(c);
            return null;
        }
        return c;
    }

    public boolean stopping() {
        return stopping;
    }

    public int size() {
        return open.size();
    }

    /**
     * Stops the server's connections: idle ones are closed now, busy ones may finish within
     * {@code grace}, then whatever is left is closed.
     *
     * @return how many busy connections had to be closed when the grace period ended
     */
    public int shutdown(Duration grace) {
        stopping = true;
        long deadline = clock.monotonicMillis() + grace.toMillis();
        for (Connection c : open) {
            c.closeIfIdle();
        }
        synchronized (closedSignal) {
            long left;
            while (!open.isEmpty() && (left = deadline - clock.monotonicMillis()) > 0) {
                try {
                    closedSignal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int forced = 0;
        for (Connection c : open) {
            forced++;
            c.closeSocket();
        }
        return forced;
    }

    /** Closes every socket whose write deadline has passed; the reaper calls this every tick. */
    public void closeOverdueWrites() {
        long now = clock.monotonicMillis();
        for (Connection c : open) {
            long deadline = c.writeDeadline;
            if (deadline != 0 && now >= deadline) {
                c.writeTimedOut = true;
                errorLog.warn("write_timeout", "client", ErrorLog.address(
                        (InetSocketAddress) c.socket.getRemoteSocketAddress()));
                c.closeSocket();
            }
        }
    }

    private void reap() {
        while (true) {
            try {
                Thread.sleep(REAPER_TICK);
            } catch (InterruptedException e) {
                return;
            }
            closeOverdueWrites();
        }
    }

    /** Stops the reaper; call after {@link #shutdown}. */
    @Override
    public void close() {
        reaper.interrupt();
        try {
            reaper.join(REAPER_TICK.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a connection is doing, for status pages. */
    public enum State {
        /** Reading a request (or waiting for the first one of a new connection). */
        READING,
        /** Writing a response. */
        WRITING,
        /** Waiting for the next request on a persistent connection. */
        KEEP_ALIVE
    }

    /** One tracked connection; its methods are called by the thread serving it. */
    public final class Connection implements AutoCloseable {
        private final Socket socket;
        private volatile State state = State.READING;
        private boolean idle;
        private boolean closed;
        private volatile long writeDeadline;
        private volatile boolean writeTimedOut;

        private Connection(Socket socket) {
            this.socket = socket;
        }

        public Socket socket() {
            return socket;
        }

        /**
         * Marks the connection idle, waiting for the client.
         *
         * @return false when the server is shutting down: close instead of waiting
         */
        public synchronized boolean idle() {
            if (stopping || closed) {
                return false;
            }
            idle = true;
            state = State.KEEP_ALIVE;
            return true;
        }

        /** Marks the connection busy: a request or data arrived and is being handled. */
        public synchronized void busy() {
            idle = false;
            state = State.READING;
        }

        /** What the connection is doing now (read without a lock: a status page's snapshot). */
        public State state() {
            return state;
        }

        /** Whether the server is shutting down, so that the current response should close. */
        public boolean stopping() {
            return stopping;
        }

        /** Starts (or extends) the deadline of a write that may block. */
        public void beginWrite(Duration timeout) {
            state = State.WRITING;
            writeDeadline = clock.monotonicMillis() + Math.max(1, timeout.toMillis());
        }

        public void endWrite() {
            writeDeadline = 0;
            state = State.READING;
        }

        /** Whether the reaper closed this connection because a write blocked too long. */
        public boolean writeTimedOut() {
            return writeTimedOut;
        }

        private synchronized void closeIfIdle() {
            if (idle) {
                closeSocket();
            }
        }

        private synchronized void closeSocket() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                // Already broken; closing is all that was wanted.
            }
        }

        /** Closes the socket and stops tracking it. */
        @Override
        public void close() {
            closeSocket();
            open.remove(this);
            synchronized (closedSignal) {
                closedSignal.notifyAll();
            }
        }
    }
}
