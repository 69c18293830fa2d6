package io.h1kit.gatling.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ./h1kit launcher joins this module's target/launcher.classpath to the servers' class path:
 * Gatling, Netty and Scala must not be in it (they stay in test scope, in gatling.classpath).
 */
class LauncherClasspathTest {
    private static List<String> entries(String file) throws IOException {
        Path p = Path.of("target", file);
        assertTrue(Files.isRegularFile(p), p + " is written before the tests (process-classes)");
        return Arrays.stream(Files.readString(p).strip().split(java.io.File.pathSeparator)).filter(e -> !e.isEmpty()).toList();
    }

    private static boolean gatlingOrItsRuntime(String entry) {
        String e = entry.replace('\\', '/');
        return e.contains("/io/gatling/") || e.contains("/io/netty/") || e.contains("/org/scala-lang/")
                || e.contains("scala");
    }

    @Test
    void theLauncherClasspathHoldsNoGatlingNettyOrScala() throws IOException {
        List<String> launcher = entries("launcher.classpath");
        assertEquals(List.of(), launcher.stream().filter(LauncherClasspathTest::gatlingOrItsRuntime).toList());
        assertTrue(launcher.stream().anyMatch(e -> e.contains("jsoup")), "the report reader's jsoup is on it: " + launcher);
    }

    @Test
    void theGatlingClasspathHoldsGatling() throws IOException {
        assertTrue(entries("gatling.classpath").stream().anyMatch(e -> e.contains("/io/gatling/")),
                "the Gatling JVMs need Gatling");
    }
}
