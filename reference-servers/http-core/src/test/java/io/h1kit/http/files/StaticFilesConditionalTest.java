package io.h1kit.http.files;

import io.h1kit.http.Body;
import io.h1kit.http.HttpDate;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.h1kit.http.files.Requests.text;
import static io.h1kit.http.files.Requests.wireHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Section 2.13 (COND) end to end; the 200 of /f carries ETag "e1" and Last-Modified L. */
class StaticFilesConditionalTest {
    @TempDir
    static Path base;
    static Served served;

    @BeforeAll
    static void build() throws IOException {
        served = Served.create(base);
    }

    final Response ok = served.serve("GET", "/f");
    final String etag = ok.fields().get("ETag");
    final String lastModified = ok.fields().get("Last-Modified");

    void assertNotModified(Response r) {
        assertEquals(Status.NOT_MODIFIED_304, r.status());
        assertSame(Body.EMPTY, r.body());
    }

    @Test
    @DisplayName("COND-01, COND-11: If-None-Match with the ETag -> 304 with the 200's ETag, Last-Modified, Cache-Control")
    void notModified() {
        Response r = served.serve("GET", "/f", "If-None-Match: " + etag);
        assertNotModified(r);
        assertEquals(List.of("ETag", "Last-Modified", "Cache-Control"), Served.fieldNames(r));
        for (String name : Served.fieldNames(r)) {
            assertEquals(ok.fields().get(name), r.fields().get(name), name);
        }
        assertFalse(wireHead(r, false).contains("Content-Length"), "a 304 here carries no Content-Length");
    }

    @Test
    @DisplayName("COND-02..04: weak form, *, and a list holding the tag -> 304; no match -> 200")
    void ifNoneMatchForms() {
        assertNotModified(served.serve("GET", "/f", "If-None-Match: W/" + etag));
        assertNotModified(served.serve("GET", "/f", "If-None-Match: *"));
        assertNotModified(served.serve("GET", "/f", "If-None-Match: \"x\", " + etag));
        assertNotModified(served.serve("HEAD", "/f", "If-None-Match: " + etag));
        assertEquals(Status.OK_200, served.serve("GET", "/f", "If-None-Match: \"x\"").status());
    }

    @Test
    @DisplayName("COND-05..07, 13: If-Modified-Since L -> 304; garbage, two dates, with INM, or future -> 200")
    void ifModifiedSince() {
        assertNotModified(served.serve("GET", "/f", "If-Modified-Since: " + lastModified));
        assertEquals(Status.OK_200, served.serve("GET", "/f", "If-Modified-Since: garbage").status());
        assertEquals(Status.OK_200, served.serve("GET", "/f", "If-Modified-Since: " + lastModified + ", " + lastModified).status());
        assertEquals(Status.OK_200, served.serve("GET", "/f", "If-None-Match: \"x\"", "If-Modified-Since: " + lastModified).status());
        assertEquals(Status.OK_200, served.serve("GET", "/f", "If-Modified-Since: " + HttpDate.format(Docroot.NOW + 365L * 86_400)).status());
    }

    @Test
    @DisplayName("COND-09, COND-10: If-Match \"nope\" or If-Unmodified-Since before L -> 412")
    void preconditionFailed() {
        Response r = served.serve("GET", "/f", "If-Match: \"nope\"");
        assertEquals(Status.PRECONDITION_FAILED_412, r.status());
        assertTrue(text(r).contains("412 Precondition Failed"));
        assertEquals(Status.PRECONDITION_FAILED_412,
                served.serve("GET", "/f", "If-Unmodified-Since: " + HttpDate.format(Docroot.MTIME_SECONDS - 1)).status());
        assertEquals(Status.OK_200, served.serve("GET", "/f", "If-Match: " + etag).status());
    }

    @Test
    @DisplayName("COND-12: If-None-Match: * on a missing path -> 404")
    void wildcardOnMissing() {
        assertEquals(Status.NOT_FOUND_404, served.serve("GET", "/missing", "If-None-Match: *").status());
    }
}
