package io.h1kit.gatling.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Gatling simulation in a JVM of its own, on the gatling module's test class path: started,
 * bounded in time (killed if it overruns), its report moved to the folder asked for. The
 * simulation writes its expectation (gating, reason) to a properties file, which is read back.
 *
 * @param command     the whole command line, for the log and the tests
 * @param reportDir   where the report ends up ({@code index.html} inside)
 */
record GatlingRun(List<String> command, Path reportDir, Path log, Path expectationFile, long timeoutSeconds) {
    /** Gatling's own launcher passes the same: it reads String internals through a private lookup. */
    static final List<String> JVM_FLAGS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED");
    static final String MAIN = "io.gatling.app.Gatling";
    /**
     * Beyond the simulation's own bound (h1kit.maxSeconds): JVM start, Gatling's start-up and its
     * HTML report take 3 to 10 s on 2 busy cores; 60 s means a hung JVM, not a slow one.
     */
    static final long JVM_MARGIN_SECONDS = 60;
    /** After SIGTERM, the time a Gatling JVM gets before it is killed. */
    static final long KILL_GRACE_SECONDS = 5;
    /** Gatling's exit status when an assertion failed. */
    static final int ASSERTION_FAILED = 2;

    /** How a run ended: Gatling's exit status (null when it was killed for overrunning), the expectation it declared. */
    record Outcome(Integer status, boolean reportWritten, Boolean gating, String reason) {
        boolean timedOut() {
            return status == null;
        }
    }

    static GatlingRun of(List<String> pin, String java, String classpath, String simulation, Map<String, String> properties,
                         Path reportDir, long timeoutSeconds) {
        Path running = running(reportDir);
        Path log = reportDir.resolveSibling(reportDir.getFileName() + ".log");
        Path expectation = reportDir.resolveSibling(reportDir.getFileName() + ".expectation");
        List<String> command = new ArrayList<>(pin);
        command.add(java);
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(classpath);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dh1kit.expectationFile=" + expectation.toAbsolutePath());
        command.addAll(List.of(MAIN, "-s", simulation, "-rf", running.toAbsolutePath().toString(),
                "-rd", "h1kit load: " + properties.getOrDefault("h1kit.targetName", "?")));
        return new GatlingRun(List.copyOf(command), reportDir, log, expectation, timeoutSeconds);
    }

    private static Path running(Path reportDir) {
        return reportDir.resolveSibling(reportDir.getFileName() + ".running");
    }

    /** Runs it; {@code children} learns of the process so that a shutdown hook can stop it. */
    Outcome run(Children children) throws IOException, InterruptedException {
        deleteTree(reportDir);
        deleteTree(running(reportDir));
        Files.deleteIfExists(expectationFile);
        Files.createDirectories(reportDir.getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        Integer status;
        try {
            if (p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                status = p.exitValue();
            } else {
                p.destroy();
                if (!p.waitFor(KILL_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                }
                status = null;
            }
        } finally {
            children.remove(p);
        }
        boolean written = moveReport();
        Properties declared = new Properties();
        if (Files.isRegularFile(expectationFile)) {
            try (Reader in = Files.newBufferedReader(expectationFile, StandardCharsets.UTF_8)) {
                declared.load(in);
            }
        }
        String gating = declared.getProperty("gating");
        return new Outcome(status, written, gating == null ? null : Boolean.valueOf(gating),
                declared.getProperty("reason", ""));
    }

    /** Gatling writes {@code -rf DIR/<simulation>-<timestamp>/}: that one folder becomes reportDir. */
    private boolean moveReport() throws IOException {
        Path running = running(reportDir);
        if (!Files.isDirectory(running)) {
            return false;
        }
        try (Stream<Path> folders = Files.list(running)) {
            Path report = folders.filter(f -> Files.isRegularFile(f.resolve("index.html"))).findFirst().orElse(null);
            if (report == null) {
                return false;
            }
            Files.move(report, reportDir);
        }
        deleteTree(running);
        return true;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
