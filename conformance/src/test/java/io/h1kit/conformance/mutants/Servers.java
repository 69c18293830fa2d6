package io.h1kit.conformance.mutants;

import io.h1kit.conformance.ReferenceServers;
import io.h1kit.conformance.mutants.shim.Shim;
import io.h1kit.echo.EchoStage;
import io.h1kit.http.Handler;
import io.h1kit.http.site.Site;
import io.h1kit.sequential.SequentialStage;
import io.h1kit.server.ConnectionHandler;
import io.h1kit.server.HttpConnectionHandler;
import io.h1kit.server.IterativeServer;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.Stage;
import io.h1kit.server.Timeouts;
import io.h1kit.server.testing.RunningServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Starts the variants' servers from the reference servers' parts, exactly as
 * {@link ReferenceServers} starts the real ones (same fixture, same short timeouts), so that a
 * variant differs from the real server in its one bug only.
 */
final class Servers {
    /** The Server field the sequential stage sends (its SERVER_NAME is package-private). */
    static final String SEQUENTIAL_SERVER_NAME = "h1kit-sequential";

    private Servers() {
    }

    /** The unmodified sequential server. */
    static Variant.Running sequential() throws IOException {
        return running(ReferenceServers.sequential());
    }

    /** The unmodified echo server. */
    static Variant.Running echo() throws IOException {
        return running(ReferenceServers.echo());
    }

    /** The sequential server with {@code decorate} wrapped around its Site. */
    static Variant.Running site(UnaryOperator<Handler> decorate) throws IOException {
        Stage stage = stage(new SequentialStage(), context -> {
            Handler site = new Site(context.options().files());
            return new HttpConnectionHandler(context, decorate.apply(site), SEQUENTIAL_SERVER_NAME);
        });
        return running(ReferenceServers.start(stage));
    }

    /** The echo server's accept loop with another connection handler. */
    static Variant.Running echo(Function<ServerContext, ConnectionHandler> handler) throws IOException {
        return running(ReferenceServers.start(stage(new EchoStage(), handler)));
    }

    /**
     * The sequential server with its test timeouts (those of {@link ReferenceServers#start})
     * changed by {@code change}.
     */
    static Variant.Running sequentialWith(UnaryOperator<Timeouts> change) throws IOException {
        return running(ReferenceServers.start(new SequentialStage(), change));
    }

    /** The unmodified sequential server behind a shim. */
    static Variant.Running shimmed(Shim.Spec spec) throws IOException {
        RunningServer server = ReferenceServers.sequential();
        Shim shim;
        try {
            shim = Shim.start(server.address(), spec);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new Variant.Running() {
            @Override
            public InetSocketAddress address() {
                return shim.address();
            }

            @Override
            public void close() {
                shim.close();
                server.close();
            }
        };
    }

    /** A stage like {@code base} (name, timeouts) whose connections go to another handler. */
    private static Stage stage(Stage base, Function<ServerContext, ConnectionHandler> handler) {
        return new Stage() {
            @Override
            public String name() {
                return base.name() + "-variant";
            }

            @Override
            public String description() {
                return "a seeded-bug variant of " + base.name();
            }

            @Override
            public int number() {
                return base.number();
            }

            @Override
            public boolean speaksHttp() {
                return base.speaksHttp();
            }

            @Override
            public Timeouts defaultTimeouts() {
                return base.defaultTimeouts();
            }

            @Override
            public Server create(ServerContext context) {
                return new IterativeServer(name(), context, handler.apply(context));
            }
        };
    }

    private static Variant.Running running(RunningServer server) {
        return new Variant.Running() {
            @Override
            public InetSocketAddress address() {
                return server.address();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
