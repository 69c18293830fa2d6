package io.h1kit.conformance.testing;

/**
 * What a {@link FakeReplies} fake sends for one request, and how it ends the connection.
 *
 * @param bytes what to send (ISO-8859-1), null for nothing
 * @param close whether it then sends a FIN (after draining) rather than keep the connection open
 */
public record Reply(String bytes, boolean close) {
    public static Reply thenClose(String bytes) {
        return new Reply(bytes, true);
    }

    public static Reply leftOpen(String bytes) {
        return new Reply(bytes, false);
    }
}
