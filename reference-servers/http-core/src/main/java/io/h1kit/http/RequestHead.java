package io.h1kit.http;

/**
 * A request's start-line and header section, as the parser accepted them.
 *
 * @param method      the method token, case kept (methods are case-sensitive, RFC 9110 §9.1)
 * @param target      the parsed request-target
 * @param version     the version the request is processed as
 * @param versionText the version exactly as sent (for example "HTTP/1.2")
 * @param fields      the header fields in the order received
 * @param framing     how the body is delimited
 */
public record RequestHead(
        String method,
        RequestTarget target,
        HttpVersion version,
        String versionText,
        Fields fields,
        BodyFraming framing) {

    /** The request-line as received, for the access log. */
    public String requestLine() {
        return method + " " + target.raw() + " " + versionText;
    }

    public boolean isHead() {
        return method.equals("HEAD");
    }

    /**
     * Whether the client lets the connection persist after this request (RFC 9112 §9.3): HTTP/1.1
     * unless it sent the "close" option, HTTP/1.0 only with the "keep-alive" option.
     */
    public boolean keepAlive() {
        if (fields.containsToken("Connection", "close")) {
            return false;
        }
        return version == HttpVersion.HTTP_1_1 || fields.containsToken("Connection", "keep-alive");
    }

    public boolean hasBody() {
        return framing.kind() != BodyFraming.Kind.NONE;
    }
}
