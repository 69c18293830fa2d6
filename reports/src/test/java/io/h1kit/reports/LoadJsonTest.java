package io.h1kit.reports;

import io.h1kit.reports.model.Expectation;
import io.h1kit.reports.model.LoadJson;
import io.h1kit.reports.model.LoadRun;
import io.h1kit.reports.model.Measurement;
import io.h1kit.reports.model.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadJsonTest {
    @Test
    void readsTheRecordedRun() throws IOException {
        LoadRun run = LoadJson.read(Fixtures.fixture("results/load.json"));
        assertEquals(3, run.targets().size());
        assertEquals(TargetKind.NGINX, run.targets().get(2).kind());
        Measurement seq16 = run.measurements().get(1);
        assertEquals(16, seq16.concurrency());
        assertEquals(Expectation.Outcome.EXPECTED_TO_FAIL, seq16.expectation().outcome());
        assertEquals("one connection at a time", seq16.expectation().reason());
        Measurement idle = run.measurements().get(6);
        assertNull(idle.concurrency());
        assertNull(idle.cpuMsPer1000Requests());
        assertEquals(984L, idle.memoryPerIdleConnectionBytes());
        assertEquals(Expectation.PASS, idle.expectation(), "a missing expectation means pass");
    }

    @Test
    void writesWhatItReads(@TempDir Path dir) throws IOException {
        LoadRun run = LoadJson.read(Fixtures.fixture("results/load.json"));
        Path copy = dir.resolve("copy.json");
        LoadJson.write(run, copy);
        assertEquals(run, LoadJson.read(copy));
        String json = Files.readString(copy);
        assertTrue(json.contains("\"kind\" : \"reference-stage\""), json);
        assertTrue(json.contains("\"outcome\" : \"expected-to-fail\""), json);
    }

    @Test
    void aRunWithoutMeasurementsReadsAsEmpty(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"schema\":\"h1kit-load/1\"}");
        LoadRun run = LoadJson.read(file);
        assertTrue(run.targets().isEmpty() && run.scenarios().isEmpty() && run.measurements().isEmpty());
    }

    @Test
    void refusesAnotherSchema(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"schema\":\"h1kit-load/2\",\"targets\":[],\"scenarios\":[],\"measurements\":[]}");
        IOException e = assertThrows(IOException.class, () -> LoadJson.read(file));
        assertTrue(e.getMessage().contains("expected h1kit-load/1"), e.getMessage());
    }
}
