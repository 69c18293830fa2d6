package io.h1kit.http.files;

import io.h1kit.http.HttpDate;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ValidatorsTest {

    static BasicFileAttributes file(Path dir, String content, long mtimeMillis) throws IOException {
        Path p = Files.writeString(dir.resolve("v-" + content.length() + "-" + mtimeMillis), content);
        Files.setLastModifiedTime(p, FileTime.fromMillis(mtimeMillis));
        return Files.readAttributes(p, BasicFileAttributes.class);
    }

    @Test
    @DisplayName("the strong ETag is hex mtime millis and hex size; Last-Modified is in seconds")
    void fromAttributes(@TempDir Path dir) throws IOException {
        Validators v = Validators.of(file(dir, "c-text\n", Docroot.MTIME_MILLIS), Docroot.NOW);
        assertEquals("\"" + Long.toHexString(Docroot.MTIME_MILLIS) + "-7\"", v.etag().toString());
        assertFalse(v.etag().weak());
        assertEquals(Docroot.MTIME_SECONDS, v.lastModified());
    }

    @Test
    @DisplayName("a change of size or of time within the same second changes the ETag")
    void etagTracksChanges(@TempDir Path dir) throws IOException {
        EntityTag base = Validators.of(file(dir, "abc", 1_700_000_000_100L), Docroot.NOW).etag();
        assertNotEquals(base, Validators.of(file(dir, "abcd", 1_700_000_000_100L), Docroot.NOW).etag());
        assertNotEquals(base, Validators.of(file(dir, "abc", 1_700_000_000_200L), Docroot.NOW).etag());
    }

    @Test
    @DisplayName("RFC 9110 §8.8.2.1: a future modification time is sent as now")
    void futureIsNow(@TempDir Path dir) throws IOException {
        Validators v = Validators.of(file(dir, "x", (Docroot.NOW + 3600) * 1000), Docroot.NOW);
        assertEquals(Docroot.NOW, v.lastModified());
    }

    @Test
    @DisplayName("addTo adds ETag and Last-Modified as an IMF-fixdate; NONE adds nothing")
    void addTo(@TempDir Path dir) throws IOException {
        Validators v = Validators.of(file(dir, "c-text\n", Docroot.MTIME_MILLIS), Docroot.NOW);
        Response r = v.addTo(Response.empty(Status.OK_200));
        assertEquals(v.etag().toString(), r.fields().get("ETag"));
        assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", r.fields().get("Last-Modified"));
        assertEquals(HttpDate.format(Docroot.MTIME_SECONDS), r.fields().get("Last-Modified"));
        Response none = Validators.NONE.addTo(Response.empty(Status.OK_200));
        assertNull(none.fields().get("ETag"));
        assertNull(none.fields().get("Last-Modified"));
    }
}
