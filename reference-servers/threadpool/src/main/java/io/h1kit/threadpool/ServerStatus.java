package io.h1kit.threadpool;

import io.h1kit.http.Handler;
import io.h1kit.server.Connections;
import io.h1kit.server.Statistics;
import io.h1kit.server.StatusPage;
import tools.jackson.core.JsonGenerator;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /server-status}: what the server is doing, as plain text, or as JSON with
 * {@code ?format=json} (Apache httpd's mod_status, in spirit): uptime, responses by status, bytes,
 * open and queued connections, the queue's high-water mark, 503 rejections, dropped log lines,
 * and each worker's state (idle, reading, writing, keep-alive). Every other request goes to the
 * site. Thread-safe: it reads snapshots.
 */
public final class ServerStatus extends StatusPage {
    private final Supplier<PoolStatus> pool;

    public ServerStatus(Handler site, String stage, Statistics statistics, Supplier<PoolStatus> pool,
                        LongSupplier droppedLogLines) {
        super(site, stage, statistics, droppedLogLines);
        this.pool = pool;
    }

    @Override
    protected void appendText(StringBuilder sb) {
        PoolStatus p = pool.get();
        sb.append("open connections: ").append(p.openConnections()).append('\n');
        sb.append("queued: ").append(p.queued()).append(" of ").append(p.queueCapacity())
                .append(" (high-water mark ").append(p.queueHighWater()).append(")\n");
        sb.append("rejected with 503: ").append(p.rejected()).append('\n');
        sb.append("log lines dropped: ").append(droppedLogLines()).append('\n');
        sb.append("workers: ").append(p.workers().length).append(" (").append(p.busyWorkers()).append(" busy)\n");
        for (int i = 0; i < p.workers().length; i++) {
            sb.append("  worker ").append(i).append(": ").append(label(p.workers()[i])).append('\n');
        }
    }

    @Override
    protected void writeJson(JsonGenerator g) {
        PoolStatus p = pool.get();
        g.writeNumberProperty("openConnections", p.openConnections());
        g.writeNumberProperty("queued", p.queued());
        g.writeNumberProperty("queueCapacity", p.queueCapacity());
        g.writeNumberProperty("queueHighWaterMark", p.queueHighWater());
        g.writeNumberProperty("rejected", p.rejected());
        g.writeNumberProperty("logLinesDropped", droppedLogLines());
        g.writeArrayPropertyStart("workers");
        for (Connections.State state : p.workers()) {
            g.writeString(label(state));
        }
        g.writeEndArray();
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
