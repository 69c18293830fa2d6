package io.h1kit.echo;

import io.h1kit.server.IterativeServer;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.Stage;
import io.h1kit.server.Timeouts;

import java.time.Duration;

/** Stage 1: the iterative blocking TCP echo server. */
public final class EchoStage implements Stage {
    /** How long a connected client may stay silent. */
    public static final Duration IDLE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "blocking TCP echo, one client at a time (RFC 862)";
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public boolean speaksHttp() {
        return false;
    }

    /**
     * RFC 862 has the echo go on "until the calling user terminates the connection", but an
     * iterative server that waited forever would let one silent client block all others; 10 s
     * is above the conformance suite's minimum of 5 s.
     */
    @Override
    public Timeouts defaultTimeouts() {
        return Timeouts.DEFAULTS.withIdle(IDLE);
    }

    @Override
    public Server create(ServerContext context) {
        return new IterativeServer(name(), context, new EchoHandler(context));
    }
}
