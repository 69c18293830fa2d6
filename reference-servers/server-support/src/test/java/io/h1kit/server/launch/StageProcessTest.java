package io.h1kit.server.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageProcessTest {
    private static final long START_MILLIS = 60_000;

    private static List<String> stub(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ListeningStub.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    @Timeout(120)
    void startsReadsTheAddressAndStopsWithSigtermExitingZero(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stub.log");
        StageProcess server = StageProcess.start(stub(), log, START_MILLIS);
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            assertEquals('!', s.getInputStream().read(), "the address printed is the one it listens on");
        }
        assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
        assertTrue(server.pid() > 0);
        assertEquals(0, server.stop(START_MILLIS), "SIGTERM stops it cleanly");
        assertFalse(server.isAlive());
        assertTrue(Files.readString(log).contains("listening on"), "its output is in the log");
    }

    @Test
    @Timeout(120)
    void aProcessThatExitsBeforeListeningIsAnErrorQuotingItsOutput(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> StageProcess.start(stub("fail"), dir.resolve("x.log"), START_MILLIS));
        assertTrue(e.getMessage().contains("exited before it listened (status 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("stub told to fail"), e.getMessage());
    }

    @Test
    void theListeningLineIsReadAsServePrintsIt() {
        assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", 40123)), StageProcess.listeningAddress(
                "h1kit: eventloop server listening on http://127.0.0.1:40123/ (root www); SIGTERM or Ctrl-C stops it"));
        assertEquals(Optional.empty(), StageProcess.listeningAddress("h1kit: building…"));
    }
}
