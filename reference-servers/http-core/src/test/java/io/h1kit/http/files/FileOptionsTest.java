package io.h1kit.http.files;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileOptionsTest {
    static final Path ROOT = Path.of("/srv/www");

    @Test
    @DisplayName("defaults: listings on, max-age 0, built-in error pages")
    void defaults() {
        FileOptions o = FileOptions.defaults(ROOT);
        assertEquals(ROOT, o.root());
        assertTrue(o.listDirectories());
        assertEquals(0, o.cacheMaxAgeSeconds());
        assertNull(o.errorPagesDir());
    }

    @Test
    @DisplayName("withers change one setting each")
    void withers() {
        FileOptions o = FileOptions.defaults(ROOT).withListDirectories(false).withCacheMaxAgeSeconds(60)
                .withErrorPagesDir(Path.of("/srv/errors"));
        assertEquals(new FileOptions(ROOT, false, 60, Path.of("/srv/errors")), o);
    }

    @Test
    @DisplayName("a null root or a negative max-age is refused")
    void invalid() {
        assertThrows(NullPointerException.class, () -> FileOptions.defaults(null));
        assertThrows(IllegalArgumentException.class, () -> FileOptions.defaults(ROOT).withCacheMaxAgeSeconds(-1));
    }
}
