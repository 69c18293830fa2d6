package io.h1kit.gatling.wiring;

import io.gatling.app.Gatling$;
import io.h1kit.eventloop.EventLoopStage;
import io.h1kit.gatling.KeepAliveSweepSimulation;
import io.h1kit.http.files.FileOptions;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the load suite's wiring in seconds: stage 4 on a free port serving the load fixture, the
 * keep-alive sweep run against it by Gatling in this JVM at 1 and 4 users for 2 s each, then
 * Gatling's verdict (its assertions, at least one request among them, set the exit status), its
 * HTML report, and the server's own request count.
 */
class GatlingWiringTest {
    private static final Path FIXTURE = Path.of("fixture/www");
    private static final Path RESULTS = Path.of("target/gatling-wiring");
    /** A short sweep: two levels of 2 s, so that the test takes seconds, not minutes. */
    private static final Map<String, String> SHORT_RUN = Map.of(
            "h1kit.targetName", "eventloop",
            "h1kit.users", "1,4",
            "h1kit.stepSeconds", "2",
            "h1kit.requestsPerUser", "50",
            "h1kit.maxSeconds", "30");

    @AfterEach
    void clearProperties() {
        SHORT_RUN.keySet().forEach(System::clearProperty);
        System.clearProperty("h1kit.target");
    }

    @Test
    @Timeout(120)
    void keepAliveSweepAgainstTheEventLoopProducesAReport() throws IOException {
        deleteTree(RESULTS);
        try (RunningServer server = RunningServer.start(new EventLoopStage(),
                ServerOptions.forTest(FileOptions.defaults(FIXTURE.toAbsolutePath())))) {
            SHORT_RUN.forEach(System::setProperty);
            System.setProperty("h1kit.target", "http://127.0.0.1:" + server.address().getPort());

            int status = Gatling$.MODULE$.fromArgs(new String[] {
                    "-s", KeepAliveSweepSimulation.class.getName(),
                    "-rf", RESULTS.toAbsolutePath().toString(),
                    "-rd", "h1kit wiring test"});

            assertEquals(0, status, "Gatling's exit status: 0 when every assertion held (2 is a failed assertion)");
            long served = server.context().statistics().snapshot().requests();
            assertTrue(served > 0, "the server counted no request");
            Path index = onlyReport().resolve("index.html");
            assertTrue(Files.isRegularFile(index), "no HTML report at " + index);
            assertTrue(Files.readString(index).contains("keep-alive sweep"), "the report does not name the scenario");
        }
    }

    private static Path onlyReport() throws IOException {
        try (Stream<Path> runs = Files.list(RESULTS)) {
            List<Path> folders = runs.filter(Files::isDirectory).toList();
            assertEquals(1, folders.size(), "one report folder expected in " + RESULTS + ": " + folders);
            return folders.getFirst();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
