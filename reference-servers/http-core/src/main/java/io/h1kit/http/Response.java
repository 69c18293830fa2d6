package io.h1kit.http;

import java.nio.charset.StandardCharsets;

/**
 * A response to send: status, header fields, content, and whether the connection must close
 * after it. The writer adds {@code Date}, {@code Server}, framing and {@code Connection}.
 *
 * @param status     the status
 * @param fields     the fields chosen by the handler
 * @param body       the content; not sent for HEAD requests or for 1xx, 204 and 304
 * @param close      whether the connection must close after this response whatever the client asked
 * @param diagnostic a note for the error log, or null
 */
public record Response(Status status, Fields fields, Body body, boolean close, Diagnostic diagnostic) {

    public static Response of(Status status, String contentType, byte[] content) {
        Fields fields = new Fields();
        if (contentType != null) {
            fields.add("Content-Type", contentType);
        }
        return new Response(status, fields, Body.of(content), false, null);
    }

    public static Response of(Status status, String contentType, String content) {
        return of(status, contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A response with no content, such as a 304. */
    public static Response empty(Status status) {
        return new Response(status, new Fields(), Body.EMPTY, false, null);
    }

    public Response withField(String name, String value) {
        fields.add(name, value);
        return this;
    }

    public Response withBody(Body newBody) {
        return new Response(status, fields, newBody, close, diagnostic);
    }

    public Response closing() {
        return new Response(status, fields, body, true, diagnostic);
    }

    public Response withDiagnostic(String event, String detail) {
        return new Response(status, fields, body, close, new Diagnostic(event, detail));
    }
}
