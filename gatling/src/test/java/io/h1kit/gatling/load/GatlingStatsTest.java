package io.h1kit.gatling.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the statistics of a trimmed real Gatling 3.15.1 report (load/gatling-index.html). */
class GatlingStatsTest {
    private static String fixture() throws IOException {
        try (InputStream in = GatlingStatsTest.class.getResourceAsStream("/load/gatling-index.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheAllRequestsRowByColumnTitle() throws IOException {
        GatlingStats s = GatlingStats.parse(fixture());
        // The values in the fixture's "All Requests" row, as Gatling showed them.
        assertEquals(new GatlingStats(10450, 10450, 0, 2090, 0, 0, 1, 2, 5, 196, 1), s);
    }

    @Test
    void columnsAreFoundByTheirTitleNotTheirPosition() throws IOException {
        // Swap the ids of two header cells: the reader must follow the titles to the other cells.
        String swapped = fixture()
                .replace("<th id=\"col-10\" class=\"header sortable\"><span>95th pct", "<th id=\"col-X\" class=\"header sortable\"><span>95th pct")
                .replace("<th id=\"col-11\" class=\"header sortable\"><span>99th pct", "<th id=\"col-10\" class=\"header sortable\"><span>99th pct")
                .replace("<th id=\"col-X\"", "<th id=\"col-11\"");
        GatlingStats s = GatlingStats.parse(swapped);
        assertEquals(5, s.p95());
        assertEquals(2, s.p99());
    }

    @Test
    void aPageWithoutTheTableIsAnError() {
        IOException e = assertThrows(IOException.class, () -> GatlingStats.parse("<html><body>no</body></html>"));
        assertTrue(e.getMessage().contains("container_statistics_head"), e.getMessage());
    }

    @Test
    void aDashIsZeroAndGroupedDigitsAreRead() {
        assertEquals(0, GatlingStats.number("-"));
        assertEquals(12345, GatlingStats.number("12,345"));
        assertEquals(34.5, GatlingStats.number(" 34.5 "));
    }
}
