package io.h1kit.server;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where log lines go: standard output, standard error, a file (appended), or nowhere. A line is
 * written whole, never interleaved with another. Implementations are thread-safe; the stage-3
 * server puts an asynchronous one in front, so that workers never wait on the disk.
 */
public interface LogSink extends AutoCloseable {
    /** The value that turns a log off on the command line. */
    String OFF = "off";
    /** The value that means standard output (access log) or standard error (error log). */
    String STANDARD = "-";

    /** Whether lines go anywhere; callers skip formatting them when not. */
    boolean enabled();

    /** Writes one line; a newline is added. An I/O failure of the log never fails a request. */
    void line(String line);

    /** Flushes and releases the sink. */
    @Override
    void close();

    /**
     * Opens a sink from its command-line spelling: {@code off}, {@code -} for {@code standard},
     * or a file path.
     *
     * @param standard FileDescriptor.out or FileDescriptor.err
     */
    static LogSink open(String spec, FileDescriptor standard) {
        if (spec.equals(OFF)) {
            return new StreamLogSink(null, false);
        }
        if (spec.equals(STANDARD)) {
            return new StreamLogSink(new BufferedOutputStream(new FileOutputStream(standard), 8192), false);
        }
        try {
            Path path = Path.of(spec);
            OutputStream file = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new StreamLogSink(new BufferedOutputStream(file, 8192), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log file " + spec + ": " + e.getMessage(), e);
        }
    }

    /** A sink that keeps lines in memory, for tests. */
    static LogSink to(OutputStream out) {
        return new StreamLogSink(out, false);
    }
}
