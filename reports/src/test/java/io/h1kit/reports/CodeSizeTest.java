package io.h1kit.reports;

import io.h1kit.reports.input.CodeSize;
import io.h1kit.reports.input.Coverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeSizeTest {
    @Test
    void countsLinesThatAreNeitherBlankNorOnlyComment() {
        assertEquals(0, CodeSize.countLines(""));
        assertEquals(0, CodeSize.countLines("\n   \n// one\n/** doc\n * more\n */\n"));
        assertEquals(2, CodeSize.countLines("int a; // trailing\n/* x */ int b;\n"));
        assertEquals(1, CodeSize.countLines("/* open\n still */ int c;\n"));
        assertEquals(1, CodeSize.countLines("int d; /* opens\n closes */\n"));
    }

    @Test
    void scansModulesMainAndTestApart(@TempDir Path dir) throws IOException {
        CodeSize size = CodeSize.scan(Fixtures.sourceTree(dir));
        assertEquals(2, size.modules().size(), size.toString());
        CodeSize.Module loop = size.modules().get(0);
        assertEquals("reference-servers/eventloop", loop.path());
        assertEquals(1, loop.mainLines());
        assertFalse(loop.sharedCore());
        CodeSize.Module core = size.modules().get(1);
        assertEquals("reference-servers/http-core", core.path());
        assertEquals(5, core.mainLines());
        assertEquals(2, core.testLines());
        assertTrue(core.sharedCore());
        assertEquals(6, size.mainTotal());
    }

    @Test
    void readsTheReportLevelCountersOfJacoco(@TempDir Path dir) throws IOException {
        Coverage coverage = Coverage.scan(Fixtures.sourceTree(dir));
        assertEquals(1, coverage.modules().size());
        Coverage.Module m = coverage.modules().getFirst();
        assertEquals("reference-servers/http-core", m.path());
        assertEquals(75.0, m.linePercent(), 1e-9, "the report's own LINE counter, not the package's");
        assertEquals(75.0, m.branchPercent(), 1e-9);
    }
}
