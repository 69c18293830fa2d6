package io.h1kit.http.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link StaticFiles} serves a document root. An immutable value; the servers build it from
 * their command line.
 *
 * @param root               the document root; every served file lies under its real path
 * @param listDirectories    whether a directory without {@code index.html} answers an HTML listing
 *                           (otherwise 404)
 * @param cacheMaxAgeSeconds the {@code Cache-Control: max-age} sent with every file and listing
 * @param errorPagesDir      a directory of custom error pages named {@code <code>.html}, or null
 *                           for the built-in pages only
 */
public record FileOptions(Path root, boolean listDirectories, long cacheMaxAgeSeconds, Path errorPagesDir) {

    /** A kit for testing servers wants every request to reach the server, and browsers to see edits at once. */
    public static final boolean LIST_DIRECTORIES = true;

    /**
     * 0 seconds: the docroots of a test kit change between runs, so a cache must revalidate every
     * time (RFC 9111 §5.2.2.1: a response with max-age=0 is stale at once), which also sends the
     * conditional requests that the COND cases exercise instead of answering them from a cache.
     */
    public static final long CACHE_MAX_AGE_SECONDS = 0;

    public FileOptions {
        Objects.requireNonNull(root, "root");
        if (cacheMaxAgeSeconds < 0) {
            throw new IllegalArgumentException("cacheMaxAgeSeconds must be 0 or more, was " + cacheMaxAgeSeconds);
        }
    }

    /** Listings on, {@value #CACHE_MAX_AGE_SECONDS} seconds of caching, built-in error pages. */
    public static FileOptions defaults(Path root) {
        return new FileOptions(root, LIST_DIRECTORIES, CACHE_MAX_AGE_SECONDS, null);
    }

    public FileOptions withListDirectories(boolean list) {
        return new FileOptions(root, list, cacheMaxAgeSeconds, errorPagesDir);
    }

    public FileOptions withCacheMaxAgeSeconds(long seconds) {
        return new FileOptions(root, listDirectories, seconds, errorPagesDir);
    }

    public FileOptions withErrorPagesDir(Path dir) {
        return new FileOptions(root, listDirectories, cacheMaxAgeSeconds, dir);
    }
}
