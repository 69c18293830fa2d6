package io.h1kit.cli;

import io.h1kit.server.Server;
import sun.misc.Signal;

import java.time.Duration;

/**
 * Stops a server on SIGTERM and SIGINT. The JVM's own handling would run shutdown hooks and exit
 * with 143 or 130; a service manager and CI expect a clean stop to exit 0, so the signals are
 * taken over: the handler only starts the graceful close, and {@code serve} returns 0 once the
 * server has stopped. A close that overruns {@code limit} ends the process with status 1.
 */
final class Shutdown {
    private Shutdown() {
    }

    static void onSignals(Server server, Duration limit) {
        Runnable stop = () -> {
            Thread watchdog = Thread.ofPlatform().daemon().name("h1kit-exit-watchdog").start(() -> {
                try {
                    Thread.sleep(limit);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("h1kit: shutdown took longer than " + limit.toSeconds() + " s; exiting");
                Runtime.getRuntime().halt(1);
            });
            Thread.ofPlatform().name("h1kit-shutdown").start(() -> {
                server.close();
                watchdog.interrupt();
            });
        };
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stop.run());
        }
    }
}
