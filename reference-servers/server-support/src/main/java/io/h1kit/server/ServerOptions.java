package io.h1kit.server;

import io.h1kit.http.HttpLimits;
import io.h1kit.http.files.FileOptions;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Everything a reference server is started with. Built by the command line or by a test.
 *
 * @param bind                      the address to listen on (127.0.0.1 by default: the kit's
 *                                  servers are test targets, not public servers)
 * @param port                      the port; 0 picks a free one
 * @param files                     the document root and static-file settings
 * @param limits                    the parser's limits
 * @param timeouts                  how long to wait on clients
 * @param maxRequestsPerConnection  requests served on one connection before it is closed
 * @param accessLog                 "-" (standard output), "off", or a file path
 * @param errorLog                  "-" (standard error), "off", or a file path
 * @param pool                      worker threads and their queue, for the stages that have them
 * @param eventLoops                loops and the connection limit, for the event-loop stage
 */
public record ServerOptions(
        InetAddress bind,
        int port,
        FileOptions files,
        HttpLimits limits,
        Timeouts timeouts,
        int maxRequestsPerConnection,
        String accessLog,
        String errorLog,
        Pool pool,
        EventLoops eventLoops) {

    /** nginx's keepalive_requests default: bounds what one client takes before others get a turn. */
    public static final int MAX_REQUESTS_PER_CONNECTION = 1_000;
    /** A body is buffered in one Java array, which holds at most this many bytes. */
    public static final long MAX_BUFFERED_BODY_BYTES = Integer.MAX_VALUE - 8;

    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(errorLog, "errorLog");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(eventLoops, "eventLoops");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (maxRequestsPerConnection < 1) {
            throw new IllegalArgumentException("maxRequestsPerConnection must be at least 1");
        }
        if (limits.maxBodyBytes() > MAX_BUFFERED_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes can be at most " + MAX_BUFFERED_BODY_BYTES
                    + ": bodies are buffered in memory");
        }
    }

    /** Options for a test: loopback, a free port, default limits and timeouts, logs off. */
    public static ServerOptions forTest(FileOptions files) {
        return new ServerOptions(InetAddress.getLoopbackAddress(), 0, files, HttpLimits.DEFAULTS, Timeouts.DEFAULTS,
                MAX_REQUESTS_PER_CONNECTION, LogSink.OFF, LogSink.OFF, Pool.DEFAULTS, EventLoops.DEFAULTS);
    }

    public ServerOptions withTimeouts(Timeouts newTimeouts) {
        return new ServerOptions(bind, port, files, limits, newTimeouts, maxRequestsPerConnection, accessLog, errorLog, pool, eventLoops);
    }

    public ServerOptions withPool(Pool newPool) {
        return new ServerOptions(bind, port, files, limits, timeouts, maxRequestsPerConnection, accessLog, errorLog, newPool, eventLoops);
    }

    public ServerOptions withEventLoops(EventLoops newEventLoops) {
        return new ServerOptions(bind, port, files, limits, timeouts, maxRequestsPerConnection, accessLog, errorLog, pool,
                newEventLoops);
    }

    public ServerOptions withLimits(HttpLimits newLimits) {
        return new ServerOptions(bind, port, files, newLimits, timeouts, maxRequestsPerConnection, accessLog, errorLog, pool, eventLoops);
    }
}
