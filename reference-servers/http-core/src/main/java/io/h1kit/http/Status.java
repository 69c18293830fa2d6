package io.h1kit.http;

/**
 * The status codes the reference servers send, each with its reason phrase (RFC 9110 §15).
 * Constants say code and name, so a reader of a handler sees both.
 */
public enum Status {
    CONTINUE_100(100, "Continue"),
    OK_200(200, "OK"),
    NO_CONTENT_204(204, "No Content"),
    PARTIAL_CONTENT_206(206, "Partial Content"),
    MOVED_PERMANENTLY_301(301, "Moved Permanently"),
    NOT_MODIFIED_304(304, "Not Modified"),
    BAD_REQUEST_400(400, "Bad Request"),
    FORBIDDEN_403(403, "Forbidden"),
    NOT_FOUND_404(404, "Not Found"),
    METHOD_NOT_ALLOWED_405(405, "Method Not Allowed"),
    REQUEST_TIMEOUT_408(408, "Request Timeout"),
    LENGTH_REQUIRED_411(411, "Length Required"),
    PRECONDITION_FAILED_412(412, "Precondition Failed"),
    CONTENT_TOO_LARGE_413(413, "Content Too Large"),
    URI_TOO_LONG_414(414, "URI Too Long"),
    UNSUPPORTED_MEDIA_TYPE_415(415, "Unsupported Media Type"),
    RANGE_NOT_SATISFIABLE_416(416, "Range Not Satisfiable"),
    EXPECTATION_FAILED_417(417, "Expectation Failed"),
    REQUEST_HEADER_FIELDS_TOO_LARGE_431(431, "Request Header Fields Too Large"),
    INTERNAL_SERVER_ERROR_500(500, "Internal Server Error"),
    NOT_IMPLEMENTED_501(501, "Not Implemented"),
    SERVICE_UNAVAILABLE_503(503, "Service Unavailable"),
    HTTP_VERSION_NOT_SUPPORTED_505(505, "HTTP Version Not Supported");

    private final int code;
    private final String reason;

    Status(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** RFC 9110 §6.4.1: 1xx, 204 and 304 responses never carry content. */
    public boolean forbidsContent() {
        return code < 200 || code == 204 || code == 304;
    }

    public boolean isError() {
        return code >= 400;
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
