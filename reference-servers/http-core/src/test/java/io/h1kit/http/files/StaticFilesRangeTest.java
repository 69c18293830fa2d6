package io.h1kit.http.files;

import io.h1kit.http.Body;
import io.h1kit.http.HttpDate;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.h1kit.http.files.Requests.text;
import static io.h1kit.http.files.Requests.wireHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Section 2.14 (RANGE) end to end, on the 1000-byte file /f. */
class StaticFilesRangeTest {
    @TempDir
    static Path base;
    static Served served;

    @BeforeAll
    static void build() throws IOException {
        served = Served.create(base);
    }

    final Response ok = served.serve("GET", "/f");

    Path f() throws IOException {
        return served.real("f");
    }

    void assertWhole(Response r) throws IOException {
        assertEquals(Status.OK_200, r.status());
        assertNull(r.fields().get("Content-Range"));
        assertEquals("bytes", r.fields().get("Accept-Ranges"));
        assertEquals(new Body.FileRegion(f(), 0, 1000), r.body());
    }

    void assertPart(Response r, long first, long last) throws IOException {
        assertEquals(Status.PARTIAL_CONTENT_206, r.status());
        assertEquals("bytes " + first + "-" + last + "/1000", r.fields().get("Content-Range"));
        assertEquals(new Body.FileRegion(f(), first, last - first + 1), r.body());
    }

    @Test
    @DisplayName("RANGE-01, RANGE-13: bytes=0-4 -> 206 with the 200's fields, Content-Range and CL 5")
    void firstBytes() throws IOException {
        Response r = served.serve("GET", "/f", "Range: bytes=0-4");
        assertPart(r, 0, 4);
        for (String name : List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Accept-Ranges")) {
            assertEquals(ok.fields().get(name), r.fields().get(name), name);
        }
        assertTrue(wireHead(r, false).contains("\r\nContent-Length: 5\r\n"));
    }

    @ParameterizedTest(name = "Range: {0}")
    @CsvSource({"bytes=-5, 995, 999", "bytes=995-, 995, 999", "bytes=0-99999, 0, 999",
            "bytes=0-99999999999999999999999, 0, 999"})
    @DisplayName("RANGE-02, 03, 12: suffix, open-ended, clamped and overflowing ranges -> 206")
    void clamped(String range, long first, long last) throws IOException {
        assertPart(served.serve("GET", "/f", "Range: " + range), first, last);
    }

    @Test
    @DisplayName("RANGE-04: bytes=1000- -> 416 with Content-Range: bytes */1000")
    void unsatisfiable() {
        Response r = served.serve("GET", "/f", "Range: bytes=1000-");
        assertEquals(Status.RANGE_NOT_SATISFIABLE_416, r.status());
        assertEquals("bytes */1000", r.fields().get("Content-Range"));
        assertTrue(text(r).contains("416 Range Not Satisfiable"));
    }

    @ParameterizedTest(name = "Range: {0}")
    @ValueSource(strings = {"bytes=5-2", "bytes=x-y", "bytes=", "items=0-5", "bytes=0-1,5-6"})
    @DisplayName("RANGE-05, 06, 08: invalid, unknown unit, several ranges -> 200 with the whole file")
    void ignored(String range) throws IOException {
        assertWhole(served.serve("GET", "/f", "Range: " + range));
    }

    @Test
    @DisplayName("RANGE-09: 1000 overlapping ranges -> 200, no larger than the file")
    void overlapping() throws IOException {
        assertWhole(served.serve("GET", "/f", "Range: bytes=" + "0-,".repeat(999) + "0-"));
    }

    @Test
    @DisplayName("two Range field lines -> 200")
    void twoRangeLines() throws IOException {
        assertWhole(served.serve("GET", "/f", "Range: bytes=0-4", "Range: bytes=5-9"));
    }

    @Test
    @DisplayName("RANGE-10: If-Range with the ETag or exactly L -> 206; a weak tag or an old date -> 200")
    void ifRange() throws IOException {
        String etag = ok.fields().get("ETag");
        String lastModified = ok.fields().get("Last-Modified");
        assertPart(served.serve("GET", "/f", "If-Range: " + etag, "Range: bytes=0-4"), 0, 4);
        assertPart(served.serve("GET", "/f", "If-Range: " + lastModified, "Range: bytes=0-4"), 0, 4);
        assertWhole(served.serve("GET", "/f", "If-Range: W/" + etag, "Range: bytes=0-4"));
        assertWhole(served.serve("GET", "/f", "If-Range: " + HttpDate.format(Docroot.MTIME_SECONDS - 86_400), "Range: bytes=0-4"));
        assertWhole(served.serve("GET", "/f", "If-Range: \"other\"", "Range: bytes=0-4"));
    }

    @Test
    @DisplayName("RANGE-10: a failed If-Range also drops an unsatisfiable range to 200")
    void ifRangeBeforeSatisfiability() throws IOException {
        assertWhole(served.serve("GET", "/f", "If-Range: \"other\"", "Range: bytes=1000-"));
    }

    // RFC 9110 §13.2.2: Range is evaluated only after If-None-Match; a 304 ignores it.
    @Test
    @DisplayName("RANGE-11: If-None-Match with the ETag and bytes=0-4 -> 304")
    void notModifiedBeatsRange() {
        Response r = served.serve("GET", "/f", "If-None-Match: " + ok.fields().get("ETag"), "Range: bytes=0-4");
        assertEquals(Status.NOT_MODIFIED_304, r.status());
        assertNull(r.fields().get("Content-Range"));
    }
}
