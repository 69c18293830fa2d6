package io.h1kit.eventloop;

import io.h1kit.server.LogSink;
import io.h1kit.server.ServerContext;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.FakeClock;
import io.h1kit.server.testing.RawConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Stage 4 started on a {@link FakeClock}: its timers move only when the test moves the clock
 * (then the loops are woken to look at it), so timeout tests wait for no real timeout.
 */
final class ClockedServer implements AutoCloseable {
    final FakeClock clock = new FakeClock(1_790_000_000_000L);
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final ServerContext context;
    final EventLoopServer server;

    ClockedServer(ServerOptions options) throws IOException {
        context = new ServerContext(options, clock, LogSink.to(new ByteArrayOutputStream()), LogSink.to(errors));
        server = (EventLoopServer) new EventLoopStage().create(context);
        server.start();
    }

    RawConnection connect() throws IOException {
        return new RawConnection(server.address());
    }

    /** Moves the clock and wakes the loops so that they run what came due. */
    void advance(Duration d) {
        clock.advance(d);
        server.wakeLoops();
    }

    EventLoopStatus status() {
        return server.status();
    }

    int count(HttpConnection.State state) {
        return status().loops().stream().mapToInt(l -> l.count(state)).sum();
    }

    String errorLog() {
        synchronized (errors) {
            return errors.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.close();
        context.close();
    }
}
