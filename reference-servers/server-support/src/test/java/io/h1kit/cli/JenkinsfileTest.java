package io.h1kit.cli;

import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Jenkinsfile, evaluated against stub steps (src/test/resources/jenkins/PipelineStub.groovy):
 * the stages in ARCHITECTURE.md's order, what each runs on an ordinary and on a nightly build,
 * each suite's gate and timeout, and what the Report stage reads and publishes.
 */
class JenkinsfileTest {
    /** One evaluation per kind of build (compiling the Jenkinsfile takes a second or two). */
    private static final Map<Boolean, List<String>> LOGS = new ConcurrentHashMap<>();

    @Test
    void stagesRunInArchitectureOrder() {
        List<String> stages = evaluate(false).stream().filter(l -> l.endsWith("] stage"))
                .map(l -> l.substring(1, l.indexOf(']'))).toList();
        assertEquals(List.of("Build", "Test", "Conformance", "Stress", "Load", "Report"), stages);
    }

    @Test
    void everyStageIsBoundedAndEverySuiteGatesWithoutStoppingTheReport() {
        List<String> log = evaluate(false);
        for (String stage : List.of("Build", "Test", "Conformance", "Stress", "Load", "Report")) {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("[" + stage + "] timeout: ")), stage + " has no timeout");
        }
        for (String suite : List.of("Conformance", "Stress", "Load")) {
            assertTrue(log.contains("[" + suite + "] catchError"), suite + " would stop the Report stage");
        }
    }

    @Test
    void ordinaryBuildRunsQuickLoadAndOneReportOfOut() {
        List<String> log = evaluate(false);
        assertTrue(log.contains("[Build] sh: rm -rf out"), log.toString());
        assertTrue(log.contains("[Load] timeout: 30 MINUTES"), log.toString());
        assertTrue(log.contains("[Load] sh: rm -rf out/load && ./h1kit load --profile quick --out out/load"), log.toString());
        assertTrue(log.contains("[Load] archive: out/load/**"), log.toString());
        assertTrue(log.contains("[Report] sh: ./h1kit report --in out --out out/report --source ."), log.toString());
        assertTrue(log.contains("[Report] publishHTML: out report/index.html"), log.toString());
        assertTrue(log.contains("[Report] archive: out/report/**"), log.toString());
    }

    @Test
    void nightlyBuildRunsTheFullSuites() {
        List<String> log = evaluate(true);
        assertTrue(log.contains("[Stress] sh: ./h1kit stress --full --out out/stress"), log.toString());
        assertTrue(log.contains("[Load] timeout: 180 MINUTES"), log.toString());
        assertTrue(log.contains("[Load] sh: rm -rf out/load && ./h1kit load --profile full --out out/load"), log.toString());
    }

    private static List<String> evaluate(boolean nightly) {
        return LOGS.computeIfAbsent(nightly, n -> {
            try {
                return run(n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> run(boolean nightly) throws IOException {
        String stub;
        try (InputStream in = JenkinsfileTest.class.getResourceAsStream("/jenkins/PipelineStub.groovy")) {
            stub = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (GroovyClassLoader loader = new GroovyClassLoader(JenkinsfileTest.class.getClassLoader())) {
            Class<?> base = loader.parseClass(stub, "PipelineStub.groovy");
            CompilerConfiguration config = new CompilerConfiguration();
            config.setScriptBaseClass(base.getName());
            Script script = new GroovyShell(loader, new Binding(), config)
                    .parse(Files.readString(checkoutRoot().resolve("Jenkinsfile")), "Jenkinsfile");
            script.setProperty("nightlyRun", nightly);
            script.run();
            return List.copyOf((List<String>) script.getProperty("log"));
        }
    }

    private static Path checkoutRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Jenkinsfile"))) {
                return dir;
            }
        }
        throw new AssertionError("no Jenkinsfile above " + Path.of("").toAbsolutePath());
    }
}
