package io.h1kit.server;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where log lines go: standard output, standard error, a file (appended), or nowhere. Each line is
 * written whole and flushed at once, so lines never interleave and none is lost when the process
 * dies. Thread-safe.
 */
public final class LogSink implements AutoCloseable {
    /** The value that turns a log off on the command line. */
    public static final String OFF = "off";
    /** The value that means standard output (access log) or standard error (error log). */
    public static final String STANDARD = "-";

    private final OutputStream out;
    private final boolean ownsStream;

    private LogSink(OutputStream out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    /**
     * Opens a sink from its command-line spelling: {@code off}, {@code -} for {@code standard},
     * or a file path.
     *
     * @param standard FileDescriptor.out or FileDescriptor.err
     */
    public static LogSink open(String spec, FileDescriptor standard) {
        if (spec.equals(OFF)) {
            return new LogSink(null, false);
        }
        if (spec.equals(STANDARD)) {
            return new LogSink(new BufferedOutputStream(new FileOutputStream(standard), 8192), false);
        }
        try {
            Path path = Path.of(spec);
            OutputStream file = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new LogSink(new BufferedOutputStream(file, 8192), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log file " + spec + ": " + e.getMessage(), e);
        }
    }

    /** A sink that keeps lines in memory, for tests. */
    public static LogSink to(OutputStream out) {
        return new LogSink(out, false);
    }

    public boolean enabled() {
        return out != null;
    }

    /** Writes one line; a newline is added. An I/O failure of the log never fails a request. */
    public void line(String line) {
        if (out == null) {
            return;
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // Nowhere left to report it; dropping the line keeps the server serving.
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
            if (ownsStream) {
                out.close();
            }
        } catch (IOException e) {
            // Closing a log at shutdown; nothing to do.
        }
    }
}
