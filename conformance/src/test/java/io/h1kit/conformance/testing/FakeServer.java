package io.h1kit.conformance.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A fake target for tests: it listens on 127.0.0.1 and a free port and hands each connection to a
 * {@link Handler} on its own virtual thread, so a client that holds one connection open (the
 * suite's concurrency probe) never blocks the next. The socket is closed when the handler returns
 * or throws; {@link #close()} stops accepting.
 */
public final class FakeServer implements AutoCloseable {
    /** Room for the suite's bursts of connections (the echo crowd) while the accept loop catches up. */
    private static final int BACKLOG = 256;

    /** What the fake does with one connection; the fake closes the socket after it. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket listener;
    private final Handler handler;

    private FakeServer(Handler handler) throws IOException {
        this.handler = handler;
        this.listener = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-accept").start(this::acceptLoop);
    }

    /** Starts accepting at once; close it with try-with-resources. */
    public static FakeServer start(Handler handler) throws IOException {
        return new FakeServer(handler);
    }

    /** A port nothing listens on (bound, then released). */
    public static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** {@code 127.0.0.1:port}, as the command line takes a target. */
    public String hostPort() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().name("fake-conn").start(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            handler.serve(s);
        } catch (IOException e) {
            // the client went away, or a read timed out: the connection is done
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
