package io.h1kit.conformance.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A tiny server on 127.0.0.1 and a free port that answers every request head with the same canned
 * bytes and closes: enough to drive the command line to each exit code. Each connection gets its
 * own virtual thread, so the suite's concurrency probe does not block it.
 */
final class FakeServer implements AutoCloseable {
    private final ServerSocket socket;
    private final byte[] answer;

    private FakeServer(String answer) throws IOException {
        this.socket = new ServerSocket();
        this.socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.answer = answer.getBytes(StandardCharsets.ISO_8859_1);
        Thread.ofVirtual().start(this::accept);
    }

    /** Answers every request with these bytes, then closes the connection. */
    static FakeServer answering(String response) throws IOException {
        return new FakeServer(response);
    }

    static FakeServer ok() throws IOException {
        return answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
    }

    static FakeServer badRequest() throws IOException {
        return answering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    static FakeServer serverError() throws IOException {
        return answering("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    /** A port nothing listens on (bound, then released). */
    static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String target() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(3_000);
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            client.getOutputStream().write(answer);
            client.getOutputStream().flush();
        } catch (SocketTimeoutException e) {
            // a half-sent request (the concurrency probe): give up on it
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
