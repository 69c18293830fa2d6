package io.h1kit.server;

import io.h1kit.http.Handler;
import io.h1kit.http.Request;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import io.h1kit.http.site.QueryString;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@code GET /server-status} of the concurrent stages: what the server is doing, as plain text, or
 * as JSON with {@code ?format=json} (Apache httpd's mod_status, in spirit). This class answers the
 * route and writes what every stage counts (uptime, responses by status, bytes); each stage then
 * adds what its architecture has (a queue and workers, or loops and buffers). Every other request
 * goes to the site. Thread-safe: it reads snapshots.
 */
public abstract class StatusPage implements Handler {
    public static final String PATH = "/server-status";
    private static final JsonFactory JSON = new JsonFactory();

    private final Handler site;
    private final String stage;
    private final Statistics statistics;
    private final LongSupplier droppedLogLines;

    protected StatusPage(Handler site, String stage, Statistics statistics, LongSupplier droppedLogLines) {
        this.site = site;
        this.stage = stage;
        this.statistics = statistics;
        this.droppedLogLines = droppedLogLines;
    }

    @Override
    public final Response handle(Request request, long nowEpochSecond) {
        if (!PATH.equals(request.head().target().path())) {
            return site.handle(request, nowEpochSecond);
        }
        String method = request.head().method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return site.error(Status.METHOD_NOT_ALLOWED_405).withField("Allow", "GET, HEAD");
        }
        boolean json;
        try {
            json = QueryString.parse(request.head().target().query()).stream()
                    .anyMatch(p -> p.name().equals("format") && p.value().equals("json"));
        } catch (IllegalArgumentException e) {
            return site.error(Status.BAD_REQUEST_400);
        }
        Statistics.Snapshot s = statistics.snapshot();
        Response response = json
                ? Response.of(Status.OK_200, "application/json", json(s))
                : Response.of(Status.OK_200, "text/plain; charset=utf-8", text(s));
        return response.withField("Cache-Control", "no-store");
    }

    @Override
    public final Response error(Status status) {
        return site.error(status);
    }

    /** Log lines the background writer dropped because it fell behind. */
    protected final long droppedLogLines() {
        return droppedLogLines.getAsLong();
    }

    /** The architecture's own lines, after the common ones. */
    protected abstract void appendText(StringBuilder sb);

    /** The architecture's own properties, after the common ones, inside the page's object. */
    protected abstract void writeJson(JsonGenerator g);

    private String text(Statistics.Snapshot s) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("h1kit ").append(stage).append(" server status\n");
        sb.append(String.format(Locale.ROOT, "uptime: %.1f s%n", s.uptimeMillis() / 1000.0));
        sb.append("connections accepted: ").append(s.connections()).append('\n');
        sb.append("requests: ").append(s.requests()).append('\n');
        sb.append("responses by status:");
        for (int code = 100; code < 600; code++) {
            if (s.count(code) > 0) {
                sb.append(' ').append(code).append('=').append(s.count(code));
            }
        }
        sb.append('\n');
        sb.append("bytes in: ").append(s.bytesIn()).append(", bytes out: ").append(s.bytesOut()).append('\n');
        appendText(sb);
        return sb.toString();
    }

    private byte[] json(Statistics.Snapshot s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("stage", stage);
            g.writeNumberProperty("uptimeMillis", s.uptimeMillis());
            g.writeNumberProperty("connectionsAccepted", s.connections());
            g.writeNumberProperty("requests", s.requests());
            g.writeObjectPropertyStart("responsesByStatus");
            for (int code = 100; code < 600; code++) {
                if (s.count(code) > 0) {
                    g.writeNumberProperty(String.valueOf(code), s.count(code));
                }
            }
            g.writeEndObject();
            g.writeNumberProperty("bytesIn", s.bytesIn());
            g.writeNumberProperty("bytesOut", s.bytesOut());
            writeJson(g);
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
