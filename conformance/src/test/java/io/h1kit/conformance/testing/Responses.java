package io.h1kit.conformance.testing;

/**
 * The text of canned responses: the status line, the given fields in order, a Content-Length that
 * matches the body, then the body. ISO-8859-1 throughout, so that a char is an octet.
 */
public final class Responses {
    private Responses() {
    }

    /** A response that leaves the connection open. */
    public static String response(String status, String body, String... fields) {
        return head(status, body.length(), fields) + "\r\n" + body;
    }

    /** A response that announces {@code Connection: close} after its Content-Length. */
    public static String closing(String status, String body, String... fields) {
        return head(status, body.length(), fields) + "Connection: close\r\n\r\n" + body;
    }

    private static String head(String status, int length, String... fields) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        for (String field : fields) {
            head.append(field).append("\r\n");
        }
        return head.append("Content-Length: ").append(length).append("\r\n").toString();
    }
}
