package io.h1kit.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Two connected loopback sockets: the server's end and the client's end. */
record SocketPair(Socket server, Socket client) implements AutoCloseable {

    static SocketPair open() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
            client.setSoTimeout(10_000);
            return new SocketPair(listener.accept(), client);
        }
    }

    void send(String text) throws IOException {
        client.getOutputStream().write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        client.close();
    }
}
