package io.h1kit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job's script, {@code .ci/all}, as far as it runs without building or serving: its help
 * and its usage errors, which it answers before the build step. Its steps are checked by running
 * {@code ./h1kit all} (see README.md).
 */
class AllScriptTest {

    @Test
    void helpExitsZeroWithUsageAndExitCodes() throws Exception {
        Run run = script("--help");
        assertEquals(0, run.status(), run.stderr());
        assertTrue(run.stdout().startsWith("usage: ./h1kit all [--full] [--with-nginx] [--out DIR]"), run.stdout());
        assertTrue(run.stdout().contains("Exit status"), run.stdout());
        assertEquals("", run.stderr());
    }

    @Test
    void unknownOptionIsOneLineOnStderrAndExitTwo() throws Exception {
        Run run = script("--fast");
        assertEquals(2, run.status());
        assertEquals("", run.stdout());
        assertEquals(List.of("h1kit all: unknown argument '--fast' (try ./h1kit all --help)"), run.stderr().lines().toList());
    }

    @Test
    void outWithoutFolderIsUsageError() throws Exception {
        Run run = script("--full", "--out");
        assertEquals(2, run.status());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
    }

    @Test
    void usedOutFolderIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("load.json"), "{}");
        Run run = script("--out", dir.toString());
        assertEquals(2, run.status());
        assertEquals(List.of("h1kit all: --out " + dir + " is not empty; give a new or empty folder (try ./h1kit all --help)"),
                run.stderr().lines().toList());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("load.json")), left.toList());
        }
    }

    @Test
    void mainHelpListsAll() {
        StringWriter out = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        assertEquals(0, status);
        assertTrue(out.toString().lines().anyMatch(l -> l.strip().startsWith("all ")), out.toString());
    }

    private record Run(int status, String stdout, String stderr) {
    }

    private static Run script(String... args) throws IOException, InterruptedException {
        Path root = checkoutRoot();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve(AllCommand.SCRIPT).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).start();
        p.getOutputStream().close();
        // Both outputs are a few lines, far below a pipe's buffer: reading one after the other cannot block.
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script did not answer within 30 s");
        return new Run(p.exitValue(), stdout, stderr);
    }

    /** The checkout this module's tests run in: the nearest folder above holding the script. */
    private static Path checkoutRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(AllCommand.SCRIPT))) {
                return dir;
            }
        }
        throw new AssertionError("no " + AllCommand.SCRIPT + " above " + Path.of("").toAbsolutePath());
    }
}
