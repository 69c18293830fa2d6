package io.h1kit.http.site;

import io.h1kit.http.Handler;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.RequestTarget;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import io.h1kit.http.files.ErrorPages;
import io.h1kit.http.files.FileOptions;
import io.h1kit.http.files.StaticFiles;

import java.util.Set;

/**
 * The site every HTTP reference server serves: the conformance fixtures ({@code /echo},
 * {@code /form}) and the static files of the document root. It is the one {@link Handler}, so
 * the five stages answer every request identically and differ only in how they move bytes.
 * Thread-safe.
 */
public final class Site implements Handler {
    public static final String ECHO_PATH = "/echo";
    public static final String FORM_PATH = "/form";
    /** What the server as a whole allows, for {@code OPTIONS *}. */
    static final String SERVER_ALLOW = "GET, HEAD, POST, OPTIONS";

    /** RFC 9110 §9 and RFC 5789: the methods this server recognises; others answer 501. */
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final StaticFiles files;
    private final ErrorPages errors;

    public Site(FileOptions options) {
        this.files = new StaticFiles(options);
        this.errors = files.errorPages();
    }

    @Override
    public Response handle(Request request, long nowEpochSecond) {
        RequestHead head = request.head();
        String method = head.method();
        if (!KNOWN_METHODS.contains(method)) {
            // RFC 9110 §15.6.2: 501 "is the appropriate response when the server does not
            // recognize the request method". Methods are case-sensitive, so "get" lands here.
            return errors.respond(Status.NOT_IMPLEMENTED_501);
        }
        if (method.equals("CONNECT")) {
            // RFC 9110 §9.3.6: CONNECT asks for a tunnel; an origin server that is not a proxy does not implement it.
            return errors.respond(Status.NOT_IMPLEMENTED_501);
        }
        if (head.target().form() == RequestTarget.Form.ASTERISK) {
            // RFC 9110 §9.3.7: OPTIONS * asks about the server in general.
            return Response.empty(Status.OK_200).withField("Allow", SERVER_ALLOW);
        }
        String path = head.target().path();
        if (path.equals(ECHO_PATH)) {
            return EchoFixture.respond(request);
        }
        if (path.equals(FORM_PATH)) {
            return switch (method) {
                case "GET", "HEAD", "POST" -> FormPage.respond(request, errors::respond);
                default -> errors.respond(Status.METHOD_NOT_ALLOWED_405).withField("Allow", "GET, HEAD, POST");
            };
        }
        return files.serve(head, nowEpochSecond);
    }

    @Override
    public Response error(Status status) {
        return errors.respond(status);
    }
}
