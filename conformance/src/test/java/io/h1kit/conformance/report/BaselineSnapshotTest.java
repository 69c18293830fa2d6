package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.h1kit.conformance.model.Verdict.FAIL;
import static io.h1kit.conformance.model.Verdict.NON_STRICT;
import static io.h1kit.conformance.model.Verdict.PASS;
import static io.h1kit.conformance.model.Verdict.SKIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A verdict snapshot: written and read back, compared, and updated without losing what a run left out. */
class BaselineSnapshotTest {
    private static Baseline baseline(Object... idsAndVerdicts) {
        Map<String, Verdict> known = new LinkedHashMap<>();
        for (int i = 0; i < idsAndVerdicts.length; i += 2) {
            known.put((String) idsAndVerdicts[i], (Verdict) idsAndVerdicts[i + 1]);
        }
        return new Baseline("nginx 1.22.1", known);
    }

    @Test
    void roundTripsThroughItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nginx-1.22.json");
        Baseline b = baseline("9112-3/01", PASS, "9112-3/02", NON_STRICT, "9112-6.1/05", SKIP);
        b.write(file);
        assertTrue(Files.readString(file).contains("\"schema\" : \"h1kit-conformance-baseline/1\""));
        assertEquals(b, Baseline.read(file));
        assertEquals(List.copyOf(b.known().keySet()), List.copyOf(Baseline.read(file).known().keySet()), "order kept");
    }

    @Test
    void listsChangedNewAndVanishedCasesButNotThoseLeftOutOnPurpose() {
        Baseline known = baseline("a", PASS, "b", PASS, "gone", PASS, "slow", FAIL);
        Baseline run = baseline("a", PASS, "b", FAIL, "new", SKIP);
        assertEquals(List.of("b: FAIL, the baseline says PASS", "new: SKIP, not in the baseline (a new case)",
                "gone: in the baseline (PASS) but not in the suite any more"), known.differences(run, Set.of("slow")));
        assertEquals(List.of(), known.differences(known, Set.of()));
    }

    @Test
    void anUpdateKeepsTheVerdictsOfCasesTheRunLeftOut() {
        Baseline known = baseline("a", PASS, "slow", FAIL, "gone", PASS);
        Baseline run = baseline("a", NON_STRICT, "new", PASS);
        assertEquals(baseline("a", NON_STRICT, "slow", FAIL, "new", PASS),
                known.updatedBy(run, Set.of("slow"), List.of("a", "slow", "new")));
    }
}
