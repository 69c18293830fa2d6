package io.h1kit.http.files;

import io.h1kit.http.HttpDate;
import io.h1kit.http.Response;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * The validators of a file's representation (RFC 9110 §8.8): a strong {@code ETag} made of its
 * modification time and size, and its {@code Last-Modified} time. An immutable value.
 *
 * @param etag         the entity-tag, or null when the representation has none (a listing)
 * @param lastModified the modification time in epoch seconds, or -1 when there is none
 */
public record Validators(EntityTag etag, long lastModified) {

    /** For generated content, such as a directory listing, that has no validators. */
    public static final Validators NONE = new Validators(null, -1);

    /**
     * The validators of a file. The tag is {@code "<hex mtime millis>-<hex size>"}, like nginx's
     * (which uses seconds): strong, because any write through the file system changes the time
     * or the size; two same-size writes within one millisecond would go unnoticed, which a test
     * kit can live with.
     *
     * <p>RFC 9110 §8.8.2.1: "An origin server with a clock MUST NOT generate a Last-Modified date
     * that is later than the server's time of message origination (Date)." So a future
     * modification time is replaced by {@code nowEpochSecond}; one before 1970 by the epoch.
     */
    public static Validators of(BasicFileAttributes attributes, long nowEpochSecond) {
        long millis = attributes.lastModifiedTime().toMillis();
        EntityTag etag = EntityTag.strong(Long.toHexString(millis) + "-" + Long.toHexString(attributes.size()));
        long seconds = Math.floorDiv(millis, 1000);
        return new Validators(etag, Math.max(0, Math.min(seconds, nowEpochSecond)));
    }

    public boolean hasLastModified() {
        return lastModified >= 0;
    }

    /** Adds {@code ETag} and {@code Last-Modified}, those that exist, to {@code response}. */
    public Response addTo(Response response) {
        if (etag != null) {
            response.withField("ETag", etag.toString());
        }
        if (hasLastModified()) {
            response.withField("Last-Modified", HttpDate.format(lastModified));
        }
        return response;
    }
}
