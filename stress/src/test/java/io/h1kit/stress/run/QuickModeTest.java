package io.h1kit.stress.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick stress run, as {@code ./h1kit test} runs it on every build (about 2.5 minutes on two
 * cores): jcstress and lincheck over every real structure and every flawed copy. One JUnit test
 * per implementation: a real one passes every check, a flawed one is caught by each check that
 * must catch it. jcstress's exit code is never consulted: its results file is read back.
 */
class QuickModeTest {
    private static final Path OUT = Path.of("target", "stress-quick");
    private static Summary summary;

    @BeforeAll
    static void runQuickMode() throws Exception {
        summary = StressRun.run(Mode.QUICK, OUT, System.out);
        System.out.println(ConsoleSummary.of(summary));
    }

    @TestFactory
    Stream<DynamicTest> everyRealStructurePassesAndEveryFlawedCopyIsCaught() {
        return summary.expectations().stream().map(e -> DynamicTest.dynamicTest(
                e.subject() + " " + e.variant() + ": " + e.implementation(),
                () -> assertTrue(e.ok(), () -> e.implementation() + " (" + e.variant() + ") was expected to "
                        + (e.variant().equals("fixed") ? "pass every check" : "be caught") + ":\n"
                        + e.checks().stream().map(c -> "  " + c.tool() + " " + c.test()
                                        + (c.mode() == null ? "" : " (" + c.mode() + ")") + ": " + c.result()
                                        + (c.required() ? "" : " (reported only)") + " - " + c.detail())
                                .collect(Collectors.joining("\n")))));
    }

    @Test
    void jcstressRanEveryTestWithoutSoftOrHardErrors() {
        Summary.Jcstress j = summary.jcstress();
        assertTrue(j.tests() > 0, "jcstress ran no test");
        assertEquals(0, j.softErrors(), "jcstress soft errors");
        assertEquals(0, j.hardErrors(), "jcstress hard errors");
        long catalogued = Catalog.implementations().stream().flatMap(i -> i.checks().stream())
                .filter(c -> c.tool() == Catalog.Tool.JCSTRESS).count();
        assertEquals(catalogued, j.tests(), "jcstress tests run, against the catalog's");
    }

    @Test
    void lincheckRanEveryCheckWithoutErrors() {
        assertTrue(!summary.lincheck().isEmpty(), "lincheck ran no test");
        summary.lincheck().forEach(l -> assertTrue(!l.result().equals("error"),
                () -> "lincheck " + l.test() + " (" + l.mode() + ") errored:\n" + l.trace()));
    }

    @Test
    void theRunIsOkAndItsReportsAreWritten() throws Exception {
        assertTrue(summary.ok(), () -> "problems: " + summary.problems());
        JsonNode json = JsonMapper.builder().build().readTree(OUT.resolve("summary.json").toFile());
        assertEquals("h1kit-stress/1", json.get("schema").asString());
        assertEquals("quick", json.get("mode").asString());
        assertTrue(json.get("ok").asBoolean());
        assertEquals(summary.expectations().size(), json.get("expectations").size());
        assertTrue(Files.isRegularFile(OUT.resolve(Reports.JCSTRESS_REPORT)), "jcstress's HTML report");
        assertTrue(Files.readString(OUT.resolve("lincheck.html")).contains("<pre>"), "lincheck's failure traces");
        assertTrue(Files.isRegularFile(OUT.resolve("index.html")));
    }
}
