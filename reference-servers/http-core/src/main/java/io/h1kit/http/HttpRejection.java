package io.h1kit.http;

import java.util.Objects;

/**
 * The one rejection type: a request the server refuses, with the status to answer and the RFC
 * section that decides it. Each server turns it into a response and a close in exactly one place.
 *
 * <p>A rejection means the message framing can no longer be trusted, so the connection is always
 * closed after the response (RFC 9112 §6.3, §9.6).
 */
public final class HttpRejection extends RuntimeException {
    private final Status status;
    private final String rfcSection;

    /**
     * @param status     the status to answer
     * @param rfcSection where the decision comes from, for example {@code "RFC 9112 §6.3"}
     * @param detail     what exactly was wrong, for the error log (never sent to the client)
     */
    public HttpRejection(Status status, String rfcSection, String detail) {
        super(detail, null, false, false);
        this.status = Objects.requireNonNull(status);
        this.rfcSection = Objects.requireNonNull(rfcSection);
    }

    public Status status() {
        return status;
    }

    public String rfcSection() {
        return rfcSection;
    }

    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return status + " (" + rfcSection + "): " + getMessage();
    }
}
