package io.h1kit.sequential;

import io.h1kit.http.site.Site;
import io.h1kit.server.HttpConnectionHandler;
import io.h1kit.server.IterativeServer;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.Stage;
import io.h1kit.server.Timeouts;

import java.time.Duration;

/**
 * Stage 2: the sequential HTTP/1.1 server. One thread accepts a connection and serves its
 * requests (persistent, in order) until it closes, then accepts the next; clients that arrive
 * meanwhile wait in the listen backlog. It is the simplest correct server, and its limit is its
 * point: one slow or idle client delays everyone, which is why every wait is short here.
 */
public final class SequentialStage implements Stage {
    /**
     * Keep-alive idle timeout: a browser that keeps its connection open holds the whole server,
     * so it gets 2 s to send its next request (Apache's 5 s would stall other clients longer).
     */
    public static final Duration IDLE = Duration.ofSeconds(2);
    /** A slowloris client holds the server for at most this long. */
    public static final Duration HEADER = Duration.ofSeconds(5);
    /**
     * A 1 MiB body (the default limit) at 200 KB/s or faster. A stalled upload holds the whole
     * server, so this wait is as short as the header's.
     */
    public static final Duration BODY = Duration.ofSeconds(5);
    /** A client that stops reading holds the server for at most this long per blocked write. */
    public static final Duration WRITE = Duration.ofSeconds(10);
    /** Draining after a close holds the server too; 1 s covers a loopback or LAN round trip many times. */
    public static final Duration LINGER = Duration.ofSeconds(1);

    static final String SERVER_NAME = "h1kit-sequential";

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public String description() {
        return "blocking HTTP/1.1, one connection at a time: static files, keep-alive";
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public Timeouts defaultTimeouts() {
        return new Timeouts(IDLE, HEADER, BODY, WRITE, LINGER, Timeouts.SHUTDOWN_GRACE);
    }

    @Override
    public Server create(ServerContext context) {
        Site site = new Site(context.options().files());
        return new IterativeServer(name(), context, new HttpConnectionHandler(context, site, SERVER_NAME));
    }
}
