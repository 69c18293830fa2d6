package io.h1kit.server.launch;

import sun.misc.Signal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for {@code h1kit serve} in its own JVM (the stages are not on this module's class
 * path): listens on a free loopback port, prints serve's listening line, answers each connection
 * with one byte, and exits 0 on SIGTERM. With the argument {@code fail} it exits 3 at once.
 */
public final class ListeningStub {
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("fail")) {
            System.err.println("h1kit: cannot listen: stub told to fail");
            System.exit(3);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try (Socket s = server.accept()) {
                        s.getOutputStream().write('!');
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            System.err.printf("h1kit: stub server listening on http://127.0.0.1:%d/ (root x); SIGTERM stops it%n",
                    server.getLocalPort());
            stop.await();
        }
        System.exit(0);
    }
}
