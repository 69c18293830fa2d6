package io.h1kit.sequential;

import io.h1kit.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The command line answers bad input with one line and exit status 2, and documents every option. */
class ServeCommandTest {
    @TempDir
    static Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    static Stream<Arguments> usageErrors() {
        String root = dir.toString();
        return Stream.of(
                arguments(new String[] {"serve"}, "Missing required option: '--stage"),
                arguments(new String[] {"serve", "--stage", "nope", "--root", root}, "unknown stage 'nope'"),
                arguments(new String[] {"serve", "--stage", "sequential", "--root", root + "/missing"}, "is not a folder"),
                arguments(new String[] {"serve", "--stage", "sequential", "--root", root, "--port", "70000"}, "port must be"),
                arguments(new String[] {"serve", "--stage", "sequential", "--root", root, "--idle-timeout", "5"}, "is not a duration"),
                arguments(new String[] {"serve", "--stage", "sequential", "--root", root, "--max-headers", "0"}, "maxHeaderCount must be positive"),
                arguments(new String[] {"serve", "--stage", "sequential", "--root", root, "--bind", "no.such.host.invalid"}, "unknown address"),
                arguments(new String[] {"serve", "--stage", "sequential", "--bogus"}, "Unknown option: '--bogus'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("usageErrors")
    void usageErrorIsOneLineAndStatus2(String[] args, String message) {
        Run run = run(args);
        assertEquals(Main.EXIT_USAGE, run.status(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("h1kit: ") && first.contains(message), run.err());
        assertTrue(run.err().lines().count() <= 2, "one line and a hint: " + run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    @DisplayName("serve --help names every stage and every limit and timeout flag")
    void help() {
        Run run = run("serve", "--help");
        assertEquals(0, run.status());
        for (String expected : new String[] {"sequential", "--max-request-line", "--max-header-bytes", "--max-headers",
                "--max-body", "--max-chunk-metadata", "--max-method", "--idle-timeout", "--header-timeout",
                "--body-timeout", "--write-timeout", "--linger-timeout", "--shutdown-grace", "--access-log", "--error-log",
                "--root", "--error-pages", "--cache-max-age", "--[no-]listing"}) {
            assertTrue(run.out().contains(expected), expected + " missing from:\n" + run.out());
        }
    }

    @Test
    @DisplayName("a port that is taken: one line and status 1")
    void portTaken() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = run("serve", "--stage", "sequential", "--root", dir.toString(),
                    "--port", String.valueOf(taken.getLocalPort()), "--access-log", "off", "--error-log", "off");
            assertEquals(Main.EXIT_FAILURE, run.status(), run.err());
            assertTrue(run.err().startsWith("h1kit: cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
        }
    }
}
