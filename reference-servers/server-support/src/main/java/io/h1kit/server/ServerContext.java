package io.h1kit.server;

import java.io.FileDescriptor;
import java.util.function.UnaryOperator;

/**
 * What a running server shares between its threads: options, logs, statistics and the clock.
 * Closing it flushes and closes the logs.
 */
public final class ServerContext implements AutoCloseable {
    private final ServerOptions options;
    private final Clock clock;
    private final LogSink accessSink;
    private final LogSink errorSink;
    private final AccessLog accessLog;
    private final ErrorLog errorLog;
    private final Statistics statistics;

    public ServerContext(ServerOptions options, Clock clock, LogSink accessSink, LogSink errorSink) {
        this(options, clock, accessSink, errorSink, new Statistics(clock));
    }

    private ServerContext(ServerOptions options, Clock clock, LogSink accessSink, LogSink errorSink, Statistics statistics) {
        this.options = options;
        this.clock = clock;
        this.accessSink = accessSink;
        this.errorSink = errorSink;
        this.accessLog = new AccessLog(accessSink, clock);
        this.errorLog = new ErrorLog(errorSink, clock);
        this.statistics = statistics;
    }

    /**
     * The same context with its log sinks wrapped, for example by an asynchronous writer, sharing
     * options, clock and statistics. Closing the new context closes the wrappers (which close
     * what they wrap).
     */
    public ServerContext withSinks(UnaryOperator<LogSink> wrap) {
        return new ServerContext(options, clock, wrap.apply(accessSink), wrap.apply(errorSink), statistics);
    }

    /** Opens the logs the options name: the access log on standard output, the error log on standard error. */
    public static ServerContext open(ServerOptions options, Clock clock) {
        LogSink access = LogSink.open(options.accessLog(), FileDescriptor.out);
        try {
            return new ServerContext(options, clock, access, LogSink.open(options.errorLog(), FileDescriptor.err));
        } catch (RuntimeException e) {
            access.close();
            throw e;
        }
    }

    public ServerOptions options() {
        return options;
    }

    public Clock clock() {
        return clock;
    }

    public AccessLog accessLog() {
        return accessLog;
    }

    public ErrorLog errorLog() {
        return errorLog;
    }

    public Statistics statistics() {
        return statistics;
    }

    @Override
    public void close() {
        accessSink.close();
        errorSink.close();
    }
}
