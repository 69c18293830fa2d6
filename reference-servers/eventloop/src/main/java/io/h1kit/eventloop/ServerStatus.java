package io.h1kit.eventloop;

import io.h1kit.http.Handler;
import io.h1kit.server.Statistics;
import io.h1kit.server.StatusPage;
import tools.jackson.core.JsonGenerator;

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
public final class ServerStatus extends StatusPage {
    private final Supplier<EventLoopStatus> server;

    public ServerStatus(Handler site, String stage, Statistics statistics, Supplier<EventLoopStatus> server,
                        LongSupplier droppedLogLines) {
        super(site, stage, statistics, droppedLogLines);
        this.server = server;
    }

    @Override
    protected void appendText(StringBuilder sb) {
        EventLoopStatus e = server.get();
        sb.append("open connections: ").append(e.openConnections()).append(" of ").append(e.maxConnections()).append('\n');
        sb.append("refused with 503: ").append(e.refused()).append('\n');
        sb.append("log lines dropped: ").append(droppedLogLines()).append('\n');
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
    }

    @Override
    protected void writeJson(JsonGenerator g) {
        EventLoopStatus e = server.get();
        g.writeNumberProperty("openConnections", e.openConnections());
        g.writeNumberProperty("maxConnections", e.maxConnections());
        g.writeNumberProperty("refused", e.refused());
        g.writeNumberProperty("logLinesDropped", droppedLogLines());
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
    }

    /** idle, reading-head, reading-body, writing, lingering. */
    static String label(HttpConnection.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
