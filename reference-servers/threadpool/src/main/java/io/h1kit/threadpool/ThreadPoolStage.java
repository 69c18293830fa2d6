package io.h1kit.threadpool;

import io.h1kit.http.site.Site;
import io.h1kit.server.AsyncLogSink;
import io.h1kit.server.HttpConnectionHandler;
import io.h1kit.server.LogSink;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 3: the thread-pool server. An acceptor, a bounded queue and a pool of workers, each
 * serving one connection at a time with the shared HTTP connection handler; logs written by a
 * background writer; a status page at {@code /server-status}.
 */
public final class ThreadPoolStage implements Stage {
    static final String SERVER_NAME = "h1kit-threadpool";

    @Override
    public String name() {
        return "threadpool";
    }

    @Override
    public String description() {
        return "acceptor, bounded queue and worker pool: one worker per connection";
    }

    @Override
    public int number() {
        return 3;
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
        ThreadPoolServer[] server = new ThreadPoolServer[1];
        ServerStatus status = new ServerStatus(new Site(context.options().files()), name(), async.statistics(),
                () -> server[0].status(), () -> writers.stream().mapToLong(AsyncLogSink::dropped).sum());
        server[0] = new ThreadPoolServer(name(), async, new HttpConnectionHandler(async, status, SERVER_NAME), async);
        return server[0];
    }
}
