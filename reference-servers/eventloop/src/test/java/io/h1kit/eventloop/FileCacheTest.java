package io.h1kit.eventloop;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-loop small-file cache: hits, validation by the file's tag (mtime and size), and its two bounds. */
class FileCacheTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("the first request reads the file, the next ones are hits with the same bytes")
    void hits() throws IOException {
        FileCache cache = new FileCache();
        Path a = file("a.txt", "hello");
        byte[] first = cache.get(a, "\"1-5\"", 5);
        assertArrayEquals("hello".getBytes(), first);
        assertSame(first, cache.get(a, "\"1-5\"", 5));
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
        assertEquals(1, cache.size());
        assertEquals(5, cache.bytes());
    }

    @Test
    @DisplayName("a changed file (a new tag from the handler's stat) is read again, never served stale")
    void validatedByTag() throws IOException {
        FileCache cache = new FileCache();
        Path a = file("a.txt", "hello");
        cache.get(a, "\"1-5\"", 5);
        file("a.txt", "world!");
        assertArrayEquals("world!".getBytes(), cache.get(a, "\"2-6\"", 6));
        assertEquals(2, cache.misses());
        assertEquals(1, cache.size());
        assertEquals(6, cache.bytes());
    }

    @Test
    @DisplayName("not cached: a file over the size limit, one without a tag, one whose size changed since the stat")
    void notCached() throws IOException {
        FileCache cache = new FileCache();
        Path big = file("big.txt", "x".repeat(FileCache.MAX_FILE_BYTES + 1));
        assertNull(cache.get(big, "\"1-2001\"", FileCache.MAX_FILE_BYTES + 1));
        Path a = file("a.txt", "hello");
        assertNull(cache.get(a, null, 5));
        assertNull(cache.get(a, "\"1-4\"", 4), "the handler saw 4 bytes, the file has 5");
        assertEquals(0, cache.size());
    }

    @Test
    @DisplayName("bounded in entries and in bytes: the least recently used go first")
    void bounded() throws IOException {
        FileCache cache = new FileCache(3, 10);
        Path a = file("a.txt", "aaa");
        Path b = file("b.txt", "bbb");
        Path c = file("c.txt", "ccc");
        Path d = file("d.txt", "ddd");
        cache.get(a, "a", 3);
        cache.get(b, "b", 3);
        cache.get(c, "c", 3);
        cache.get(a, "a", 3); // a is now the most recent
        cache.get(d, "d", 3); // four entries: b, the least recent, goes
        assertEquals(3, cache.size());
        long misses = cache.misses();
        cache.get(a, "a", 3);
        assertEquals(misses, cache.misses(), "a stayed");
        cache.get(b, "b", 3);
        assertEquals(misses + 1, cache.misses(), "b was evicted");
        Path e = file("e.txt", "eeeeeeee");
        cache.get(e, "e", 8); // 8 more bytes: over the 10-byte bound, the oldest go until it fits
        assertTrue(cache.bytes() <= 10, "bytes: " + cache.bytes());
    }
}
