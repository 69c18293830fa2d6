package io.h1kit.http;

/**
 * A whole request: head, body (decoded, at most {@link HttpLimits#maxBodyBytes()} long) and the
 * trailer fields of a chunked body (kept apart, never merged into the head: RFC 9110 §6.5.1).
 */
public record Request(RequestHead head, byte[] body, Fields trailers) {
    private static final byte[] NO_BODY = new byte[0];

    public static Request withoutBody(RequestHead head) {
        return new Request(head, NO_BODY, new Fields());
    }
}
