package io.h1kit.eventloop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of small files, so that a small file's response costs one write and no file
 * open: least recently used entries go first, bounded in entries and in bytes.
 *
 * <p>An entry is valid while the file's strong {@code ETag} is the one it was read under: the
 * static file handler makes that tag from the file's modification time and size, from the stat it
 * does for every request, so a changed file misses without a second stat here. A file that
 * changed size between that stat and the read is not cached.
 *
 * <p>Not thread-safe: one cache per event loop, used by its thread (no lock on the hot path; the
 * counters are published for the status page).
 */
final class FileCache {
    /** Files larger than this are sent with transferTo: a head and the file fit one pooled buffer. */
    static final int MAX_FILE_BYTES = 8_192;
    /** Entries per loop at most: a site's small assets, not a mirror of the disk. */
    static final int MAX_ENTRIES = 1_024;
    /** Content bytes per loop at most (MAX_ENTRIES small files of a few KiB). */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private record Entry(String etag, byte[] content) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Path, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private volatile long hits;
    private volatile long misses;
    private volatile int size;
    private volatile long heldBytes;

    FileCache() {
        this(MAX_ENTRIES, MAX_BYTES);
    }

    FileCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * The content of the whole file {@code path}, of {@code length} bytes, whose current tag is
     * {@code etag}: from the cache, or read now and kept. Null when the file is too large, has
     * no tag, or cannot be read as promised (then the caller sends it from the file).
     */
    byte[] get(Path path, String etag, long length) {
        if (etag == null || length > MAX_FILE_BYTES) {
            return null;
        }
        Entry e = entries.get(path);
        if (e != null && e.etag.equals(etag) && e.content.length == length) {
            hits++;
            return e.content;
        }
        misses++;
        byte[] content = read(path, (int) length);
        if (content == null) {
            if (e != null) {
                evict(path, e);
            }
            return null;
        }
        if (e != null) {
            evict(path, e);
        }
        entries.put(path, new Entry(etag, content));
        bytes += content.length;
        trim();
        publish();
        return content;
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    int size() {
        return size;
    }

    long bytes() {
        return heldBytes;
    }

    /** Reads exactly {@code length} bytes, or null when the file is now shorter or longer. */
    private static byte[] read(Path path, int length) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() != length) {
                return null;
            }
            byte[] content = new byte[length];
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) {
                    return null;
                }
            }
            return content;
        } catch (IOException e) {
            return null;
        }
    }

    private void evict(Path path, Entry e) {
        entries.remove(path);
        bytes -= e.content.length;
        publish();
    }

    private void trim() {
        Iterator<Map.Entry<Path, Entry>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().content.length;
            eldest.remove();
        }
    }

    private void publish() {
        size = entries.size();
        heldBytes = bytes;
    }
}
