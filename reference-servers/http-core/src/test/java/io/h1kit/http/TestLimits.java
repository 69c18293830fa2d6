package io.h1kit.http;

/** {@link HttpLimits#DEFAULTS} with one limit changed, so that limit fixtures stay small. */
final class TestLimits {
    private static final HttpLimits D = HttpLimits.DEFAULTS;

    private TestLimits() {
    }

    static HttpLimits requestLine(int bytes) {
        return new HttpLimits(bytes, D.maxHeaderSectionBytes(), D.maxHeaderCount(), D.maxBodyBytes(),
                D.maxChunkMetadataBytes(), D.maxMethodBytes());
    }

    static HttpLimits headerSection(int bytes) {
        return new HttpLimits(D.maxRequestLineBytes(), bytes, D.maxHeaderCount(), D.maxBodyBytes(),
                D.maxChunkMetadataBytes(), D.maxMethodBytes());
    }

    static HttpLimits headerCount(int lines) {
        return new HttpLimits(D.maxRequestLineBytes(), D.maxHeaderSectionBytes(), lines, D.maxBodyBytes(),
                D.maxChunkMetadataBytes(), D.maxMethodBytes());
    }

    static HttpLimits body(long bytes) {
        return new HttpLimits(D.maxRequestLineBytes(), D.maxHeaderSectionBytes(), D.maxHeaderCount(), bytes,
                D.maxChunkMetadataBytes(), D.maxMethodBytes());
    }

    static HttpLimits chunkMetadata(int bytes) {
        return new HttpLimits(D.maxRequestLineBytes(), D.maxHeaderSectionBytes(), D.maxHeaderCount(),
                D.maxBodyBytes(), bytes, D.maxMethodBytes());
    }
}
