package io.h1kit.conformance.mutants.shim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A TCP proxy on 127.0.0.1 and a free port in front of a real server, whose two directions pass
 * through {@link Transducer}s: the seeded bug lives in the rewrite, the server behind stays the
 * kit's correct one. Each client connection gets its own upstream connection, so the server sees
 * one connection per client connection, as without the shim.
 *
 * <p>Close and reset are passed on as they happen: an end of stream from either side becomes a
 * half-close (FIN) towards the other after the transducer's held bytes; a reset or a failed write
 * on either side resets both (SO_LINGER 0), as a client talking straight to the server would have
 * seen. Threads: one accepting thread, two virtual threads per connection; {@link #close()} from
 * any thread.
 */
public final class Shim implements AutoCloseable {
    /** How often a pump wakes up while nothing arrives, to let its transducer release held bytes. */
    static final int TICK_MILLIS = 50;
    /** Connecting to the server behind; an iterative server's backlog answers at once. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    /** The two transducers of one connection, made fresh per connection. */
    public record Spec(Function<LinkState, Transducer> requests, Function<LinkState, Transducer> responses) {
    }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Spec spec;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private Shim(InetSocketAddress upstream, Spec spec) throws IOException {
        this.upstream = upstream;
        this.spec = spec;
        this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("shim-accept-" + listener.getLocalPort()).start(this::acceptLoop);
    }

    /** Starts a shim in front of {@code upstream}. */
    public static Shim start(InetSocketAddress upstream, Spec spec) throws IOException {
        return new Shim(upstream, spec);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(client);
            // Connecting upstream can wait (a full backlog): never in the accepting thread.
            Thread.ofVirtual().start(() -> link(client));
        }
    }

    private void link(Socket client) {
        Socket server = new Socket();
        sockets.add(server);
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(upstream, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            reset(client); // as a client of a server that refuses connections would see it
            closeQuietly(server);
            sockets.remove(client);
            sockets.remove(server);
            return;
        }
        LinkState state = new LinkState();
        Link link = new Link(client, server);
        Thread.ofVirtual().start(() -> link.pump(client, server, spec.requests().apply(state)));
        link.pump(server, client, spec.responses().apply(state));
    }

    /** One client connection and its upstream connection. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final AtomicInteger directionsDone = new AtomicInteger();
        private final AtomicBoolean aborted = new AtomicBoolean();

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to, Transducer transducer) {
            byte[] buffer = new byte[65_536];
            try {
                from.setSoTimeout(TICK_MILLIS);
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                long last = System.nanoTime();
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (SocketTimeoutException e) {
                        write(out, transducer.quiet((System.nanoTime() - last) / 1_000_000));
                        continue;
                    }
                    if (n < 0) {
                        write(out, transducer.end());
                        to.shutdownOutput();
                        break;
                    }
                    last = System.nanoTime();
                    write(out, transducer.feed(buffer, n));
                }
            } catch (IOException e) {
                abort();
            }
            if (directionsDone.incrementAndGet() == 2) {
                finish();
            }
        }

        private static void write(OutputStream out, byte[] bytes) throws IOException {
            if (bytes.length > 0) {
                out.write(bytes);
                out.flush();
            }
        }

        /** A reset or failed write on one side: reset both, as the peer would have seen. */
        private void abort() {
            if (aborted.compareAndSet(false, true)) {
                reset(client);
                reset(server);
                finish();
            }
        }

        private void finish() {
            closeQuietly(client);
            closeQuietly(server);
            sockets.remove(client);
            sockets.remove(server);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to report
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }
}
