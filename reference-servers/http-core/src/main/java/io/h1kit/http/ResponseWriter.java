package io.h1kit.http;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link Response} into the bytes of its head and decides how its body is framed. It owns
 * the fields that describe the message rather than the resource ({@code Date}, {@code Server},
 * {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}); a handler's own values
 * for them are dropped. Stateless and thread-safe.
 */
public final class ResponseWriter {

    /** How the body follows the head. */
    public enum BodyMode {
        /** No body: a HEAD request, or a status that forbids content. */
        NONE,
        /** {@code Content-Length} bytes. */
        FIXED,
        /** The chunked coding (RFC 9112 §7.1), for a body of unknown length to an HTTP/1.1 client. */
        CHUNKED,
        /** Bytes until the server closes (RFC 9112 §6.3 rule 8), for an HTTP/1.0 client. */
        UNTIL_CLOSE
    }

    /**
     * What to send.
     *
     * @param head     the status line and header section, CRLF CRLF included
     * @param bodyMode how the body follows
     * @param close    whether the connection closes after this response
     */
    public record Plan(byte[] head, BodyMode bodyMode, boolean close) {
    }

    private static final Set<String> OWNED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        OWNED.addAll(Set.of("Date", "Server", "Content-Length", "Transfer-Encoding", "Connection"));
    }

    private final String serverName;

    /** @param serverName the {@code Server} field value, for example "h1kit-sequential" */
    public ResponseWriter(String serverName) {
        this.serverName = serverName;
    }

    /**
     * Plans a response.
     *
     * @param response    what the handler answered
     * @param version     the request's version; null when the request was rejected before its
     *                    version was known (then HTTP/1.1 rules apply, and the connection closes)
     * @param headRequest whether the request method was HEAD
     * @param keepAlive   whether the client allows the connection to persist and the server agrees
     * @param date        the {@code Date} value, an IMF-fixdate ({@link HttpDate#format})
     */
    public Plan plan(Response response, HttpVersion version, boolean headRequest, boolean keepAlive, String date) {
        Status status = response.status();
        Body body = response.body();
        boolean close = !keepAlive || response.close() || version == null;
        BodyMode mode;
        long contentLength = -1;
        if (status.forbidsContent()) {
            mode = BodyMode.NONE;
        } else if (body.length() >= 0) {
            contentLength = body.length();
            mode = headRequest ? BodyMode.NONE : BodyMode.FIXED;
        } else if (version != HttpVersion.HTTP_1_1) {
            // RFC 9112 §6.1: chunked only in response to a request that "indicates HTTP/1.1 (or
            // later)"; otherwise the close delimits the body (a HEAD response has none to delimit).
            close |= !headRequest;
            mode = headRequest ? BodyMode.NONE : BodyMode.UNTIL_CLOSE;
        } else {
            mode = headRequest ? BodyMode.NONE : BodyMode.CHUNKED;
        }

        StringBuilder sb = new StringBuilder(256);
        // RFC 9110 §6.2: the response version is the highest the server supports, also for 1.0 requests.
        sb.append("HTTP/1.1 ").append(status.code()).append(' ').append(status.reason()).append("\r\n");
        sb.append("Date: ").append(date).append("\r\n");
        sb.append("Server: ").append(serverName).append("\r\n");
        for (Fields.Field field : response.fields()) {
            if (!OWNED.contains(field.name())) {
                appendField(sb, field.name(), field.value());
            }
        }
        if (contentLength >= 0) {
            sb.append("Content-Length: ").append(contentLength).append("\r\n");
        } else if (!status.forbidsContent() && version == HttpVersion.HTTP_1_1) {
            sb.append("Transfer-Encoding: chunked\r\n");
        }
        if (close) {
            sb.append("Connection: close\r\n");
        } else if (version == HttpVersion.HTTP_1_0) {
            // RFC 9112 App. C.2.2: a 1.0 client keeps the connection only if told "keep-alive".
            sb.append("Connection: keep-alive\r\n");
        }
        sb.append("\r\n");
        return new Plan(sb.toString().getBytes(StandardCharsets.ISO_8859_1), mode, close);
    }

    /** The interim response sent before reading a body the client announced with Expect: 100-continue. */
    public static byte[] continueResponse() {
        return "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static void appendField(StringBuilder sb, String name, String value) {
        if (!Grammar.isToken(name)) {
            throw new IllegalArgumentException("response field name is not a token: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // RFC 9112 §11.1: CR, LF or NUL in a response field would split or corrupt the response.
            if (c == '\r' || c == '\n' || c == 0 || c > 0xFF) {
                throw new IllegalArgumentException("response field " + name + " holds a forbidden character");
            }
        }
        sb.append(name).append(": ").append(value).append("\r\n");
    }
}
