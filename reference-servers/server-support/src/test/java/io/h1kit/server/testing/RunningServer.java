package io.h1kit.server.testing;

import io.h1kit.server.Clock;
import io.h1kit.server.LogSink;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.Stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stage started for a test on 127.0.0.1 and a free port, with its logs captured in memory.
 * Closing it stops the server gracefully.
 */
public final class RunningServer implements AutoCloseable {
    private final Server server;
    private final ServerContext context;
    private final ByteArrayOutputStream accessLog = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errorLog = new ByteArrayOutputStream();

    private RunningServer(Stage stage, ServerOptions options, Clock clock) throws IOException {
        this.context = new ServerContext(options, clock, LogSink.to(accessLog), LogSink.to(errorLog));
        this.server = stage.create(context);
        server.start();
    }

    public static RunningServer start(Stage stage, ServerOptions options) throws IOException {
        return new RunningServer(stage, options, Clock.SYSTEM);
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public RawConnection connect() throws IOException {
        return new RawConnection(address());
    }

    public ServerContext context() {
        return context;
    }

    public Server server() {
        return server;
    }

    /** The access log so far. */
    public String accessLog() {
        synchronized (accessLog) {
            return accessLog.toString(StandardCharsets.UTF_8);
        }
    }

    /** The error log so far. */
    public String errorLog() {
        synchronized (errorLog) {
            return errorLog.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.close();
        context.close();
    }
}
