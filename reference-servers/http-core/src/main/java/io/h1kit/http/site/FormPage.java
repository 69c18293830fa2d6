package io.h1kit.http.site;

import io.h1kit.http.Html;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.Response;
import io.h1kit.http.Status;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The classic form processor (CSAPP's adder, the CGI examples of old): {@code GET /form?a=1&b=2}
 * or a urlencoded {@code POST /form} answers a page that shows each submitted parameter,
 * HTML-escaped, and a form to submit more. Malformed escapes answer 400 (the connection stays
 * open: the message itself was well framed).
 */
public final class FormPage {
    static final String URLENCODED = "application/x-www-form-urlencoded";

    private FormPage() {
    }

    /** Answers GET and HEAD from the query, POST from the body; {@code errors} renders 400 and 415. */
    public static Response respond(Request request, java.util.function.Function<Status, Response> errors) {
        RequestHead head = request.head();
        String source;
        if (head.method().equals("POST")) {
            String type = head.fields().get("Content-Type");
            if (type == null || !mediaType(type).equalsIgnoreCase(URLENCODED)) {
                // RFC 9110 §15.5.16: 415 when the content is in a format the resource does not support.
                return errors.apply(Status.UNSUPPORTED_MEDIA_TYPE_415);
            }
            source = new String(request.body(), StandardCharsets.ISO_8859_1);
        } else {
            source = head.target().query();
        }
        List<QueryString.Param> params;
        try {
            params = QueryString.parse(source);
        } catch (IllegalArgumentException e) {
            return errors.apply(Status.BAD_REQUEST_400).withDiagnostic("form_rejected", e.getMessage());
        }
        return Response.of(Status.OK_200, "text/html; charset=utf-8", page(params))
                .withField("Cache-Control", "no-store");
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    private static String page(List<QueryString.Param> params) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Form</title></head>\n<body>\n");
        sb.append("<h1>Form</h1>\n");
        if (params.isEmpty()) {
            sb.append("<p>No parameters were submitted.</p>\n");
        } else {
            sb.append("<table>\n<tr><th>Name</th><th>Value</th></tr>\n");
            for (QueryString.Param p : params) {
                sb.append("<tr><td>").append(Html.escape(p.name())).append("</td><td>")
                        .append(Html.escape(p.value())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("<form method=\"get\" action=\"/form\">\n")
                .append("<label>Name <input name=\"name\"></label>\n")
                .append("<label>Message <input name=\"message\"></label>\n")
                .append("<button>Send with GET</button>\n")
                .append("<button formmethod=\"post\">Send with POST</button>\n")
                .append("</form>\n</body>\n</html>\n");
        return sb.toString();
    }
}
