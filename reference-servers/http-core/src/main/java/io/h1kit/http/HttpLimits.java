package io.h1kit.http;

/**
 * The limits the parser enforces on one request, each with the status it answers past the limit.
 * Defaults follow nginx and Apache httpd, so a well-behaved client never meets them and a hostile
 * one is cut off early; every value can be overridden from the command line.
 *
 * @param maxRequestLineBytes    request-line length, leading empty lines included; past it: 414
 * @param maxHeaderSectionBytes  all field lines of the header (or trailer) section together; past it: 431
 * @param maxHeaderCount         field lines in the header (or trailer) section; past it: 431
 * @param maxBodyBytes           decoded body length; past it: 413
 * @param maxChunkMetadataBytes  bytes of chunk-size lines other than the significant size digits
 *                               and the CRLF (leading zeros, whitespace, extensions), summed over the
 *                               message; past it: 400
 * @param maxMethodBytes         method length; past it: 501
 */
public record HttpLimits(
        int maxRequestLineBytes,
        int maxHeaderSectionBytes,
        int maxHeaderCount,
        long maxBodyBytes,
        int maxChunkMetadataBytes,
        int maxMethodBytes) {

    /** RFC 9112 §3 recommends supporting request-lines of at least 8000 octets; nginx and Apache allow 8 KiB. */
    public static final int MAX_REQUEST_LINE_BYTES = 8_192;
    /** nginx's default large_client_header_buffers (4 × 8 KiB): room for real-world cookies. */
    public static final int MAX_HEADER_SECTION_BYTES = 32_768;
    /** Apache httpd's LimitRequestFields default; browsers send 10 to 20. */
    public static final int MAX_HEADER_COUNT = 100;
    /** nginx's client_max_body_size default; the reference servers buffer bodies in memory. */
    public static final long MAX_BODY_BYTES = 1_048_576;
    /** RFC 9112 §7.1.1: a server "ought to limit the total length of chunk extensions received". */
    public static final int MAX_CHUNK_METADATA_BYTES = 4_096;
    /** The longest registered method (UPDATEREDIRECTREF) has 17 characters; 32 leaves room for private ones. */
    public static final int MAX_METHOD_BYTES = 32;

    public static final HttpLimits DEFAULTS = new HttpLimits(
            MAX_REQUEST_LINE_BYTES, MAX_HEADER_SECTION_BYTES, MAX_HEADER_COUNT,
            MAX_BODY_BYTES, MAX_CHUNK_METADATA_BYTES, MAX_METHOD_BYTES);

    public HttpLimits {
        requirePositive("maxRequestLineBytes", maxRequestLineBytes);
        requirePositive("maxHeaderSectionBytes", maxHeaderSectionBytes);
        requirePositive("maxHeaderCount", maxHeaderCount);
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be 0 or more, was " + maxBodyBytes);
        }
        if (maxChunkMetadataBytes < 0) {
            throw new IllegalArgumentException("maxChunkMetadataBytes must be 0 or more, was " + maxChunkMetadataBytes);
        }
        requirePositive("maxMethodBytes", maxMethodBytes);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
