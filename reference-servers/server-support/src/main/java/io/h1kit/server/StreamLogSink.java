package io.h1kit.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A log sink over an output stream: each line is written whole and flushed at once, under a lock,
 * so lines never interleave and none is lost when the process dies. The caller's thread does the
 * write. Thread-safe.
 */
final class StreamLogSink implements LogSink {
    private final OutputStream out;
    private final boolean ownsStream;

    StreamLogSink(OutputStream out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    @Override
    public boolean enabled() {
        return out != null;
    }

    @Override
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
