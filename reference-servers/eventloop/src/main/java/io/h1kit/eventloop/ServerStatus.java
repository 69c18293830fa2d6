package io.h1kit.eventloop;

import io.h1kit.http.Handler;
import io.h1kit.http.Request;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import io.h1kit.http.site.QueryString;
import io.h1kit.server.Statistics;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /server-status} of stage 4: what stage 3's page shows (uptime, responses by status,
 * bytes, open connections, refusals, dropped log lines), then the buffer pool with its
 * outstanding buffers (the leak count: it returns to the number of busy connections' buffers
 * when the server is quiet), and each loop: its connections by state, its timers, its requests
 * and its small-file cache. Plain text, or JSON with {@code ?format=json}. Every other request
 * goes to the site. Thread-safe: it reads snapshots.
 */
public final class ServerStatus implements Handler {
    public static final String PATH = "/server-status";
    private static final JsonFactory JSON = new JsonFactory();

    private final Handler site;
    private final String stage;
    private final Statistics statistics;
    private final Supplier<EventLoopStatus> server;
    private final LongSupplier droppedLogLines;

    public ServerStatus(Handler site, String stage, Statistics statistics, Supplier<EventLoopStatus> server,
                        LongSupplier droppedLogLines) {
        this.site = site;
        this.stage = stage;
        this.statistics = statistics;
        this.server = server;
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
        boolean json;
        try {
            json = QueryString.parse(request.head().target().query()).stream()
                    .anyMatch(p -> p.name().equals("format") && p.value().equals("json"));
        } catch (IllegalArgumentException e) {
            return site.error(Status.BAD_REQUEST_400);
        }
        Statistics.Snapshot s = statistics.snapshot();
        EventLoopStatus e = server.get();
        Response response = json
                ? Response.of(Status.OK_200, "application/json", json(s, e))
                : Response.of(Status.OK_200, "text/plain; charset=utf-8", text(s, e));
        return response.withField("Cache-Control", "no-store");
    }

    @Override
    public Response error(Status status) {
        return site.error(status);
    }

    private String text(Statistics.Snapshot s, EventLoopStatus e) {
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
        sb.append("open connections: ").append(e.openConnections()).append(" of ").append(e.maxConnections()).append('\n');
        sb.append("refused with 503: ").append(e.refused()).append('\n');
        sb.append("log lines dropped: ").append(droppedLogLines.getAsLong()).append('\n');
        BufferPool.Stats b = e.buffers();
        sb.append("buffers: ").append(b.outstanding()).append(" outstanding, ").append(b.pooled()).append(" pooled of ")
                .append(b.maxPooled()).append(", ").append(b.allocated()).append(" allocated, ").append(b.acquired())
                .append(" acquired, ").append(b.released()).append(" released, ").append(b.discarded())
                .append(" discarded (").append(b.bufferBytes()).append(" bytes each)\n");
        sb.append("loops: ").append(e.loops().size()).append('\n');
        for (LoopStatus l : e.loops()) {
            sb.append("  loop ").append(l.loop()).append(": ").append(l.connections()).append(" connections (");
            HttpConnection.State[] states = HttpConnection.State.values();
            boolean first = true;
            for (HttpConnection.State state : states) {
                if (state == HttpConnection.State.CLOSED) {
                    continue;
                }
                sb.append(first ? "" : ", ").append(label(state)).append(' ').append(l.count(state));
                first = false;
            }
            sb.append("), ").append(l.timersPending()).append(" timers, ").append(l.requests()).append(" requests, ")
                    .append(l.handOffQueued()).append(" handed off, file cache ").append(l.cacheEntries())
                    .append(" files ").append(l.cacheBytes()).append(" bytes ").append(l.cacheHits()).append(" hits ")
                    .append(l.cacheMisses()).append(" misses\n");
        }
        return sb.toString();
    }

    private byte[] json(Statistics.Snapshot s, EventLoopStatus e) {
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
            g.writeNumberProperty("openConnections", e.openConnections());
            g.writeNumberProperty("maxConnections", e.maxConnections());
            g.writeNumberProperty("refused", e.refused());
            g.writeNumberProperty("logLinesDropped", droppedLogLines.getAsLong());
            BufferPool.Stats b = e.buffers();
            g.writeObjectPropertyStart("buffers");
            g.writeNumberProperty("bufferBytes", b.bufferBytes());
            g.writeNumberProperty("maxPooled", b.maxPooled());
            g.writeNumberProperty("pooled", b.pooled());
            g.writeNumberProperty("allocated", b.allocated());
            g.writeNumberProperty("acquired", b.acquired());
            g.writeNumberProperty("released", b.released());
            g.writeNumberProperty("discarded", b.discarded());
            g.writeNumberProperty("outstanding", b.outstanding());
            g.writeEndObject();
            g.writeArrayPropertyStart("loops");
            for (LoopStatus l : e.loops()) {
                g.writeStartObject();
                g.writeNumberProperty("loop", l.loop());
                g.writeNumberProperty("connections", l.connections());
                g.writeObjectPropertyStart("states");
                for (HttpConnection.State state : HttpConnection.State.values()) {
                    if (state != HttpConnection.State.CLOSED) {
                        g.writeNumberProperty(label(state), l.count(state));
                    }
                }
                g.writeEndObject();
                g.writeNumberProperty("timersPending", l.timersPending());
                g.writeNumberProperty("requests", l.requests());
                g.writeNumberProperty("handOffQueued", l.handOffQueued());
                g.writeObjectPropertyStart("fileCache");
                g.writeNumberProperty("entries", l.cacheEntries());
                g.writeNumberProperty("bytes", l.cacheBytes());
                g.writeNumberProperty("hits", l.cacheHits());
                g.writeNumberProperty("misses", l.cacheMisses());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** idle, reading-head, reading-body, writing, lingering. */
    static String label(HttpConnection.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
