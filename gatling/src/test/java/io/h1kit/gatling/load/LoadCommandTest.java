package io.h1kit.gatling.load;

import io.h1kit.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Option parsing and profiles: nothing is started here, every case stops at the settings. */
class LoadCommandTest {
    @BeforeEach
    void home() {
        System.setProperty("h1kit.home", Path.of("..").toAbsolutePath().normalize().toString());
        System.setProperty(LoadCommand.GATLING_CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
    }

    @AfterEach
    void clear() {
        System.clearProperty("h1kit.home");
        System.clearProperty(LoadCommand.GATLING_CLASSPATH_PROPERTY);
    }

    private static LoadRunner.Settings settings(String... args) throws Exception {
        LoadCommand command = new LoadCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    private static List<String> names(LoadRunner.Settings s) {
        return s.targets().stream().map(TargetSpec::name).toList();
    }

    @Test
    void byDefaultTheThreeStagesRunEveryScenarioQuickly() throws Exception {
        LoadRunner.Settings s = settings();
        assertEquals(List.of("sequential", "threadpool", "eventloop"), names(s));
        assertEquals(List.of(LoadScenario.values()), s.scenarios());
        assertEquals(Profile.QUICK, s.profile());
        assertEquals(Path.of("out/load"), s.out());
        assertTrue(Files.isDirectory(s.fixture()), s.fixture().toString());
    }

    @Test
    void stagesByNumberAndAnExternalTargetWithItsPid() throws Exception {
        LoadRunner.Settings s = settings("--stages", "2,4", "--target", "mine=http://127.0.0.1:9000/,pid=1234",
                "--scenarios", "site,keep-alive-sweep,site");
        assertEquals(List.of("sequential", "eventloop", "mine"), names(s));
        TargetSpec mine = s.targets().getLast();
        assertEquals(new TargetSpec("mine", TargetSpec.Kind.EXTERNAL, "http://127.0.0.1:9000", 1234L), mine);
        assertEquals(List.of(LoadScenario.SITE, LoadScenario.KEEP_ALIVE_SWEEP), s.scenarios(), "in order, once each");
    }

    @Test
    void aTargetAloneRunsNoStageAndWithoutPidIsNotSampled() throws Exception {
        LoadRunner.Settings s = settings("--target", "mine=http://localhost:9000");
        assertEquals(List.of("mine"), names(s));
        assertNull(s.targets().getFirst().pid());
    }

    @Test
    void profilesMapToTheSimulationsProperties() throws Exception {
        assertEquals("3", Profile.QUICK.properties().get("h1kit.stepSeconds"));
        assertEquals(List.of(1, 8, 64, 256), Profile.QUICK.sweepUsers());
        assertEquals(2_000, Profile.QUICK.idleConnections());
        assertTrue(Profile.FULL.properties().isEmpty(), "full keeps the simulations' own defaults");
        assertEquals(10_000, Profile.FULL.idleConnections());
        assertEquals(Profile.SMOKE, settings("--profile", "SMOKE").profile());
        // Every property a profile sets is one the simulations read (gatling/README.md's table).
        for (Profile p : Profile.ALL) {
            p.properties().keySet().forEach(k -> assertTrue(k.startsWith("h1kit."), k));
            assertEquals(String.valueOf(p.maxSeconds()), p.properties().getOrDefault("h1kit.maxSeconds", "300"), p.name());
        }
    }

    @Test
    void theGatlingCommandLineCarriesTheProfileTheTargetAndTheLevel() {
        GatlingRun run = GatlingRun.of(List.of("taskset", "-c", "0"), "java", "CP", "io.h1kit.gatling.KeepAliveSweepSimulation",
                java.util.Map.of("h1kit.users", "64", "h1kit.targetName", "eventloop"), Path.of("out/g/keep-alive-sweep-64"), 120);
        List<String> c = run.command();
        assertEquals(List.of("taskset", "-c", "0", "java"), c.subList(0, 4));
        assertTrue(c.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"));
        assertTrue(c.contains("-Dh1kit.users=64"));
        assertTrue(c.contains("-Dh1kit.targetName=eventloop"));
        assertEquals(List.of(GatlingRun.MAIN, "-s", "io.h1kit.gatling.KeepAliveSweepSimulation", "-rf"),
                c.subList(c.indexOf(GatlingRun.MAIN), c.indexOf(GatlingRun.MAIN) + 4));
    }

    @Test
    void idleConnectionsRunFirstOnAFreshServer() {
        assertEquals(List.of(LoadScenario.IDLE_CONNECTIONS, LoadScenario.SITE, LoadScenario.KEEP_ALIVE_SWEEP),
                LoadRunner.runOrder(List.of(LoadScenario.SITE, LoadScenario.KEEP_ALIVE_SWEEP, LoadScenario.IDLE_CONNECTIONS)));
        assertEquals(List.of(LoadScenario.SITE), LoadRunner.runOrder(List.of(LoadScenario.SITE)));
    }

    @Test
    void pinningGivesTheServerTheLastCpu() {
        Pinning p = Pinning.detect(4);
        if (Pinning.onPath("taskset") != null) {
            assertEquals(List.of("-c", "3"), p.server().subList(1, 3));
            assertEquals(List.of("-c", "0-2"), p.client().subList(1, 3));
        }
        assertFalse(Pinning.detect(1).pinned(), "one CPU: nothing to pin");
    }

    private static int run(StringWriter err, String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
    }

    @Test
    void usageErrorsExitTwoWithOneLine(@TempDir Path dir) {
        for (String[] args : List.of(
                new String[] {"load", "--stages", "echo"},
                new String[] {"load", "--target", "far=http://192.0.2.1:80"},
                new String[] {"load", "--target", "nourl"},
                new String[] {"load", "--target", "x=http://127.0.0.1:80,pid=abc"},
                new String[] {"load", "--scenarios", "nope"},
                new String[] {"load", "--profile", "huge"},
                new String[] {"load", "--stages", "2,sequential"},
                new String[] {"load", "--bogus"})) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, args), String.join(" ", args));
            String text = err.toString().strip();
            assertTrue(text.startsWith("h1kit: "), text);
            assertFalse(text.contains("\tat "), "no stack trace: " + text);
        }
    }

    @Test
    void anUnreachableTargetExitsThree(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        StringWriter err = new StringWriter();
        assertEquals(3, run(err, "load", "--target", "gone=http://127.0.0.1:" + port, "--scenarios", "site",
                "--out", dir.toString()));
        assertTrue(err.toString().contains("gone at http://127.0.0.1:" + port + " cannot be reached"), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("load.json")), "load.json is written all the same");
    }
}
