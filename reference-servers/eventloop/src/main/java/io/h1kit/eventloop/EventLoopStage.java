package io.h1kit.eventloop;

import io.h1kit.http.site.Site;
import io.h1kit.server.AsyncLogSink;
import io.h1kit.server.LogSink;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.Stage;
import io.h1kit.server.Timeouts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 4: the event-loop server. One acceptor and N selector loops, non-blocking sockets, the
 * shared parser fed from pooled direct buffers, timers per loop; logs written by a background
 * writer; a status page at {@code /server-status}.
 */
public final class EventLoopStage implements Stage {
    static final String SERVER_NAME = "h1kit-eventloop";

    /**
     * An idle keep-alive connection costs this server under 1 KiB and no thread, so it can wait
     * as long as nginx does (keepalive_timeout 75 s) without the thread pool's reason to be brief.
     */
    public static final Duration IDLE = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "eventloop";
    }

    @Override
    public String description() {
        return "acceptor and N event loops (Selector): non-blocking connections, timers, a buffer pool";
    }

    @Override
    public int number() {
        return 4;
    }

    /** Stage 3's timeouts, except the idle one: see {@link #IDLE}. */
    @Override
    public Timeouts defaultTimeouts() {
        return Timeouts.DEFAULTS.withIdle(IDLE);
    }

    @Override
    public Server create(ServerContext context) {
        List<AsyncLogSink> writers = new ArrayList<>();
        ServerContext async = context.withSinks(sink -> {
            LogSink wrapped = AsyncLogSink.wrap(sink, "h1kit-" + name() + "-log");
            if (wrapped instanceof AsyncLogSink a) {
                writers.add(a);
            }
            return wrapped;
        });
        EventLoopServer[] server = new EventLoopServer[1];
        ServerStatus status = new ServerStatus(new Site(context.options().files()), name(), async.statistics(),
                () -> server[0].status(), () -> writers.stream().mapToLong(AsyncLogSink::dropped).sum());
        BufferPool buffers = new BufferPool(BufferPool.DEFAULT_BUFFER_BYTES, BufferPool.DEFAULT_MAX_POOLED);
        server[0] = new EventLoopServer(name(), async, status, SERVER_NAME, buffers, async);
        return server[0];
    }
}
