package io.h1kit.conformance;

import io.h1kit.echo.EchoStage;
import io.h1kit.http.files.FileOptions;
import io.h1kit.sequential.SequentialStage;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.Stage;
import io.h1kit.server.Timeouts;
import io.h1kit.server.testing.RunningServer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The reference servers as the suite's targets in tests: on 127.0.0.1 and a free port, serving
 * the suite's static-file fixture, with short timeouts so that the cases that wait for them stay
 * quick (the budgets the suite uses are raised to match).
 */
public final class ReferenceServers {
    /** The fixture tree, relative to the conformance module (the tests' working folder). */
    public static final Path FIXTURE_ROOT = Path.of("fixture/www");
    /** Short server timeouts: the slow cases wait for them. */
    public static final Duration SHORT = Duration.ofSeconds(1);
    /** The echo server's idle timeout in tests. */
    public static final Duration ECHO_IDLE = Duration.ofSeconds(6);

    private ReferenceServers() {
    }

    public static RunningServer sequential() throws IOException {
        return start(new SequentialStage());
    }

    /**
     * The echo server with an idle timeout of {@link #ECHO_IDLE}: just above the 5 s minimum of
     * ECHO-15, so that the case passes without the run waiting for the stage's 10 s default.
     */
    public static RunningServer echo() throws IOException {
        return start(new EchoStage(), t -> t.withIdle(ECHO_IDLE));
    }

    public static RunningServer start(Stage stage) throws IOException {
        return start(stage, UnaryOperator.identity());
    }

    /** Starts {@code stage} with the test timeouts, then {@code change} applied to them. */
    public static RunningServer start(Stage stage, UnaryOperator<Timeouts> change) throws IOException {
        Timeouts timeouts = stage.defaultTimeouts().withIdle(SHORT).withHeader(SHORT.multipliedBy(2))
                .withBody(SHORT.multipliedBy(2)).withWrite(SHORT.multipliedBy(5));
        ServerOptions options = ServerOptions.forTest(FileOptions.defaults(FIXTURE_ROOT.toAbsolutePath()))
                .withTimeouts(change.apply(timeouts));
        return RunningServer.start(stage, options);
    }
}
