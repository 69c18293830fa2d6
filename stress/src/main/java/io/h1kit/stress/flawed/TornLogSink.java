package io.h1kit.stress.flawed;

import io.h1kit.server.LogSink;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Flawed log sink: it writes a line in two writes, the text and then its newline, without a lock
 * around the pair. Each write is whole (the stream is synchronized), but two threads' writes can
 * interleave: {@code "GET /a" "GET /b" "\n" "\n"} is two torn lines and an empty one. The real
 * sink ({@code LogSink.to}, a StreamLogSink) writes the line and its newline as one write under
 * its lock; {@link io.h1kit.server.AsyncLogSink} calls its target from one thread only.
 */
public final class TornLogSink implements LogSink {
    private final ByteArrayOutputStream out;

    public TornLogSink(ByteArrayOutputStream out) {
        this.out = out;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void line(String line) {
        // BUG: two writes with nothing held across them.
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
