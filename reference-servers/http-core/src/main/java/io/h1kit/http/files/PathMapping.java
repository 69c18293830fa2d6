package io.h1kit.http.files;

import java.nio.file.Path;

/**
 * What {@link PathMapper} made of a request path: a file under the root, or one of two kinds of
 * not found. The reasons are for the error log only and never reach the client, who sees the same
 * 404 for both kinds.
 */
public sealed interface PathMapping {

    /**
     * A file or directory under the root.
     *
     * @param file          its real path (symlinks resolved), which lies under the root's real path
     * @param encodedPath   the request path after dot-segment removal and slash merging, still
     *                      percent-encoded: safe to send back in a {@code Location}
     * @param decodedPath   the same path decoded, for display
     * @param trailingSlash whether the request path ended in "/" (or in a dot-segment, which RFC
     *                      3986 §5.2.4 turns into one); both paths end in "/" exactly then
     */
    record Found(Path file, String encodedPath, String decodedPath, boolean trailingSlash) implements PathMapping {
    }

    /** The path tried to leave the root or reach a hidden file; logged as {@code path_rejected}. */
    record Rejected(String reason) implements PathMapping {
    }

    /** The path is harmless but names nothing that can be served; logged as {@code not_found}. */
    record Missing(String reason) implements PathMapping {
    }
}
