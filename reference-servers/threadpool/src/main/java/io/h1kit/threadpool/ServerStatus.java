package io.h1kit.threadpool;

import io.h1kit.http.Handler;
import io.h1kit.http.Request;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import io.h1kit.http.site.QueryString;
import io.h1kit.server.Connections;
import io.h1kit.server.Statistics;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /server-status}: what the server is doing, as plain text, or as JSON with
 * {@code ?format=json} (Apache httpd's mod_status, in spirit): uptime, responses by status, bytes,
 * open and queued connections, the queue's high-water mark, 503 rejections, dropped log lines,
 * and each worker's state (idle, reading, writing, keep-alive). Every other request goes to the
 * site. Thread-safe: it reads snapshots.
 */
public final class ServerStatus implements Handler {
    public static final String PATH = "/server-status";
    private static final JsonFactory JSON = new JsonFactory();

    private final Handler site;
    private final String stage;
    private final Statistics statistics;
    private final Supplier<PoolStatus> pool;
    private final LongSupplier droppedLogLines;

    public ServerStatus(Handler site, String stage, Statistics statistics, Supplier<PoolStatus> pool,
                        LongSupplier droppedLogLines) {
        this.site = site;
        this.stage = stage;
        this.statistics = statistics;
        this.pool = pool;
        this.droppedLogLines = droppedLogLines;
    }

    @Override
    public Response handle(Request request, long nowEpochSecond) {
        if (!PATH.equals(request.head().target().path())) {
            return site.handle(request, nowEpochSecond);
        }
        String method = request.head().method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return site.error(Status.METHOD_NOT_ALLOWED_405).withField("Allow", "GET, HEAD");
        }
        boolean json = false;
        try {
            json = QueryString.parse(request.head().target().query()).stream()
                    .anyMatch(p -> p.name().equals("format") && p.value().equals("json"));
        } catch (IllegalArgumentException e) {
            return site.error(Status.BAD_REQUEST_400);
        }
        Statistics.Snapshot s = statistics.snapshot();
        PoolStatus p = pool.get();
        Response response = json
                ? Response.of(Status.OK_200, "application/json", json(s, p))
                : Response.of(Status.OK_200, "text/plain; charset=utf-8", text(s, p));
        return response.withField("Cache-Control", "no-store");
    }

    @Override
    public Response error(Status status) {
        return site.error(status);
    }

    private String text(Statistics.Snapshot s, PoolStatus p) {
        StringBuilder sb = new StringBuilder(512);
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
        sb.append("open connections: ").append(p.openConnections()).append('\n');
        sb.append("queued: ").append(p.queued()).append(" of ").append(p.queueCapacity())
                .append(" (high-water mark ").append(p.queueHighWater()).append(")\n");
        sb.append("rejected with 503: ").append(p.rejected()).append('\n');
        sb.append("log lines dropped: ").append(droppedLogLines.getAsLong()).append('\n');
        sb.append("workers: ").append(p.workers().length).append(" (").append(p.busyWorkers()).append(" busy)\n");
        for (int i = 0; i < p.workers().length; i++) {
            sb.append("  worker ").append(i).append(": ").append(label(p.workers()[i])).append('\n');
        }
        return sb.toString();
    }

    private byte[] json(Statistics.Snapshot s, PoolStatus p) {
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
            g.writeNumberProperty("openConnections", p.openConnections());
            g.writeNumberProperty("queued", p.queued());
            g.writeNumberProperty("queueCapacity", p.queueCapacity());
            g.writeNumberProperty("queueHighWaterMark", p.queueHighWater());
            g.writeNumberProperty("rejected", p.rejected());
            g.writeNumberProperty("logLinesDropped", droppedLogLines.getAsLong());
            g.writeArrayPropertyStart("workers");
            for (Connections.State state : p.workers()) {
                g.writeString(label(state));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** idle, reading, writing or keep-alive. */
    static String label(Connections.State state) {
        if (state == null) {
            return "idle";
        }
        return switch (state) {
            case READING -> "reading";
            case WRITING -> "writing";
            case KEEP_ALIVE -> "keep-alive";
        };
    }
}
