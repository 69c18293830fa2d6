package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.ProbeContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The probes of the single-connection echo cases (ECHO-02 to ECHO-08, ECHO-12 to ECHO-19), each
 * bounded by the case's budgets. Small payloads go through {@link Connection} (kept whole as
 * evidence); streams of megabytes through {@link EchoStream}, written from a second thread while
 * this one reads. Stateless.
 */
final class EchoCase {
    /** Writes of the large streams. */
    private static final int PIECE = 64 * 1024;
    /** A writer whose count has not moved for this long is blocked (the server stopped reading). */
    private static final Duration STALL = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(25);
    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.ISO_8859_1);

    private EchoCase() {
    }

    // --- small payloads ---

    /** ECHO-02: 0x00 to 0xFF four times (up, down, up, down), then CR, LF and NUL in the orders text code trips on. */
    static byte[] allByteValues() {
        byte[] bytes = new byte[4 * 256 + 8];
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 256; i++) {
                bytes[round * 256 + i] = (byte) (round % 2 == 0 ? i : 255 - i);
            }
        }
        byte[] tail = {'\r', '\n', '\n', '\r', 0, '\r', '\n', (byte) 0xFF};
        System.arraycopy(tail, 0, bytes, 4 * 256, tail.length);
        return bytes;
    }

    /**
     * Writes {@code payload} in the given pieces (the rest in one write; all of it when none are
     * given) with {@code gap} between them, half-closes, and reads everything back.
     */
    static Observation small(ProbeContext ctx, byte[] payload, int[] pieces, Duration gap) throws IOException,
            InterruptedException {
        Connection c = ctx.connect();
        int offset = 0;
        for (int piece : pieces) {
            if (offset > 0 && !gap.isZero()) {
                c.pause(gap);
            }
            int n = Math.min(piece, payload.length - offset);
            c.write(Arrays.copyOfRange(payload, offset, offset + n));
            offset += n;
        }
        if (offset < payload.length) {
            if (offset > 0 && !gap.isZero()) {
                c.pause(gap);
            }
            c.write(Arrays.copyOfRange(payload, offset, payload.length));
        }
        return readBack(ctx, c, payload);
    }

    /**
     * ECHO-03: a pseudo-random stream written in pieces of 1 to {@code maxPiece} bytes, with a 1 to
     * 5 ms gap after every {@code gapEvery}-th write (seeded, so a failure replays).
     */
    static Observation trickled(ProbeContext ctx, int size, int maxPiece, int gapEvery) throws IOException,
            InterruptedException {
        byte[] payload = new EchoStream(3, size).bytes();
        Random random = new Random(size + maxPiece);
        Connection c = ctx.connect();
        int writes = 0;
        for (int offset = 0; offset < payload.length; ) {
            int n = Math.min(maxPiece == 1 ? 1 : 1 + random.nextInt(maxPiece), payload.length - offset);
            c.write(Arrays.copyOfRange(payload, offset, offset + n));
            offset += n;
            if (++writes % gapEvery == 0 && offset < payload.length) {
                c.pause(Duration.ofMillis(1 + random.nextInt(5)));
            }
        }
        return readBack(ctx, c, payload).with("writes", writes);
    }

    /** ECHO-07, ECHO-08: "hello\n" on {@code c}, half-closed, read back. */
    static Observation hello(ProbeContext ctx, Connection c) {
        c.write(HELLO);
        return readBack(ctx, c, HELLO);
    }

    private static Observation readBack(ProbeContext ctx, Connection c, byte[] payload) {
        c.shutdownOutput();
        byte[] back = c.readUntilClose(ctx.budgets().response());
        return ctx.observe(List.of(), c.awaitClose(Duration.ofMillis(1)), compare(payload, back));
    }

    /** Byte equality and SHA-256 of both sides. */
    static Map<String, Object> compare(byte[] sent, byte[] echoed) {
        Map<String, Object> facts = new LinkedHashMap<>();
        int difference = Arrays.mismatch(sent, echoed);
        facts.put("intact", difference < 0 && sha256(sent).equals(sha256(echoed)));
        facts.put("sent_bytes", sent.length);
        facts.put("echoed_bytes", echoed.length);
        facts.put("sha256_sent", sha256(sent));
        facts.put("sha256_echoed", sha256(echoed));
        if (difference >= 0) {
            facts.put("first_difference_at", difference);
        }
        return facts;
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = EchoStream.sha256();
        digest.update(bytes);
        return EchoStream.hex(digest);
    }

    // --- streams ---

    /** ECHO-04, 06, 13: writes {@code size} bytes in pieces, half-closes, and reads concurrently to the close. */
    static Observation transfer(ProbeContext ctx, long seed, long size, int piece) throws IOException,
            InterruptedException {
        Connection c = ctx.connect();
        EchoStream stream = new EchoStream(seed, size);
        EchoStream.Writer writer = stream.writer(c.socket(), () -> piece, true);
        Thread thread = writer.start("echo-writer");
        EchoStream.Echo echo = stream.read(c.socket(), deadline(ctx.budgets().serverTimeout()), false);
        thread.join(ctx.budgets().closeWindow());
        Map<String, Object> facts = echo.facts(stream, writer.written(), shaOf(writer));
        double mbPerSecond = echo.received() / 1_048_576.0 / Math.max(0.001, echo.millis() / 1000.0);
        facts.put("throughput_mb_s", Math.round(mbPerSecond * 10) / 10.0);
        return ctx.observe(List.of(), echo.end(), facts);
    }

    /**
     * ECHO-05: writes without reading until the writer stops making progress (the server's send
     * buffer is full and it stopped reading), then drains.
     */
    static Observation backpressure(ProbeContext ctx, long seed, long size) throws IOException, InterruptedException {
        Connection c = ctx.connect();
        EchoStream stream = new EchoStream(seed, size);
        EchoStream.Writer writer = stream.writer(c.socket(), () -> PIECE, true);
        Thread thread = writer.start("echo-05-writer");
        boolean blocked = awaitStall(writer, ctx.budgets().response());
        long unread = writer.written();
        EchoStream.Echo echo = stream.read(c.socket(), deadline(ctx.budgets().serverTimeout()), false);
        thread.join(ctx.budgets().closeWindow());
        Map<String, Object> facts = echo.facts(stream, writer.written(), shaOf(writer));
        facts.put("writer_blocked", blocked);
        facts.put("written_before_reading", unread);
        return ctx.observe(List.of(), echo.end(), facts);
    }

    /**
     * ECHO-08: one connection resets with 1 MB in flight; a second connection, opened before the
     * reset, and a third, opened after it, must both be echoed.
     */
    static Observation abruptDisconnect(ProbeContext ctx) throws IOException, InterruptedException {
        Connection doomed = ctx.connect();
        EchoStream stream = new EchoStream(8, 1024 * 1024);
        EchoStream.Writer writer = stream.writer(doomed.socket(), () -> PIECE, false);
        writer.start("echo-08-writer").join(ctx.budgets().response());
        Connection during = ctx.connect();
        during.write(HELLO);
        doomed.reset();
        Observation duringEcho = readBack(ctx, during, HELLO);
        Observation afterEcho = hello(ctx, ctx.connect());
        boolean both = Boolean.TRUE.equals(duringEcho.fact("intact")) && Boolean.TRUE.equals(afterEcho.fact("intact"));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("intact", both);
        facts.put("written_before_reset", writer.written());
        facts.put("echoed_during", duringEcho.fact("echoed_bytes"));
        facts.put("echoed_after", afterEcho.fact("echoed_bytes"));
        return ctx.observe(List.of(), afterEcho.close(), facts);
    }

    /** ECHO-12: one byte out, one byte back, timed, until {@code count} or the server-timeout budget. */
    static Observation pingPong(ProbeContext ctx, int count) throws IOException {
        Connection c = ctx.connect();
        Socket socket = c.socket();
        socket.setSoTimeout((int) ctx.budgets().response().toMillis());
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        long deadline = deadline(ctx.budgets().serverTimeout());
        long[] micros = new long[count];
        int done = 0;
        String failure = null;
        while (done < count && System.nanoTime() < deadline) {
            int b = done & 0xFF;
            long start = System.nanoTime();
            try {
                out.write(b);
                int back = in.read();
                if (back != b) {
                    failure = back < 0 ? "closed" : "echoed " + back + " for " + b;
                    break;
                }
            } catch (SocketTimeoutException e) {
                failure = "no echo within " + ctx.budgets().response().toMillis() + " ms";
                break;
            } catch (IOException e) {
                failure = e.getMessage();
                break;
            }
            micros[done++] = (System.nanoTime() - start) / 1_000;
        }
        double[] sorted = Arrays.stream(micros, 0, done).sorted().mapToDouble(m -> m / 1000.0).toArray();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("round_trips", done);
        if (failure != null) {
            facts.put("failed_at", done);
            facts.put("failure", failure);
        }
        facts.put("p50_ms", EchoCrowd.percentile(sorted, 50));
        facts.put("p99_ms", EchoCrowd.percentile(sorted, 99));
        facts.put("max_ms", sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        return ctx.observe(List.of(), CloseState.NOT_CHECKED, facts);
    }

    /** ECHO-14: reads 1 KB a second for {@code slow}, then at full speed, while 1 MB is written. */
    static Observation slowReader(ProbeContext ctx, long seed, long size, Duration slow) throws IOException,
            InterruptedException {
        Connection c = ctx.connect();
        EchoStream stream = new EchoStream(seed, size);
        EchoStream.Writer writer = stream.writer(c.socket(), () -> 16 * 1024, true);
        Thread thread = writer.start("echo-14-writer");
        long start = System.nanoTime();
        EchoStream.Echo echo = stream.read(c.socket(), start + ctx.budgets().serverTimeout().toNanos(), false,
                start + slow.toNanos(), 1024);
        thread.join(ctx.budgets().closeWindow());
        Map<String, Object> facts = echo.facts(stream, writer.written(), shaOf(writer));
        facts.put("slow_phase_ms", slow.toMillis());
        return ctx.observe(List.of(), echo.end(), facts);
    }

    /** ECHO-15: connects, sends nothing, and waits (up to the budget) for the server to close. */
    static Observation idle(ProbeContext ctx) throws IOException {
        Connection c = ctx.connect();
        long start = System.nanoTime();
        CloseState state = c.awaitClose(ctx.budgets().serverTimeout());
        Map<String, Object> facts = new LinkedHashMap<>();
        if (state.closed()) {
            facts.put("idle_close_ms", (System.nanoTime() - start) / 1_000_000);
        }
        facts.put("minimum_ms", Rfc862Echo.IDLE_MINIMUM.toMillis());
        facts.put("budget_ms", ctx.budgets().serverTimeout().toMillis());
        return ctx.observe(List.of(), state, facts);
    }

    /**
     * ECHO-16: writes until blocked, half-closes, and does not read for the server-timeout budget.
     * Then it reads: a server that gave up on its blocked write (and closed) returns less than was
     * written; one still holding the connection resumes and returns all of it.
     */
    static Observation idleHalfClosed(ProbeContext ctx, long seed, long size) throws IOException,
            InterruptedException {
        Connection c = ctx.connect();
        EchoStream stream = new EchoStream(seed, size);
        EchoStream.Writer writer = stream.writer(c.socket(), () -> PIECE, false);
        writer.start("echo-16-writer");
        boolean blocked = awaitStall(writer, ctx.budgets().response());
        c.shutdownOutput(); // a writer still blocked in write() fails here; its count says what left
        long written = writer.written();
        Thread.sleep(ctx.budgets().serverTimeout());
        EchoStream.Echo echo = stream.read(c.socket(), deadline(ctx.budgets().response()), false);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("writer_blocked", blocked);
        facts.put("written", written);
        facts.put("echoed_bytes", echo.received());
        facts.put("server_gave_up", echo.received() < written && echo.end() != CloseState.OPEN);
        if (echo.firstDifference() >= 0) {
            facts.put("first_difference_at", echo.firstDifference());
        }
        facts.put("ended_by", echo.end().name());
        facts.put("waited_ms", ctx.budgets().serverTimeout().toMillis());
        return ctx.observe(List.of(), echo.end(), facts);
    }

    /**
     * ECHO-19: the first client writes without reading until its writes block (the server is then
     * stuck writing to it, if it serves one client at a time); a second client must be echoed
     * meanwhile. Then the first drains and is checked too.
     */
    static Observation secondClient(ProbeContext ctx, long seed, long size) throws IOException, InterruptedException {
        Connection first = ctx.connect();
        EchoStream stream = new EchoStream(seed, size);
        EchoStream.Writer writer = stream.writer(first.socket(), () -> PIECE, true);
        Thread thread = writer.start("echo-19-writer");
        awaitStall(writer, ctx.budgets().response());
        Observation second = hello(ctx, ctx.connect());
        boolean midTransfer = !writer.done();
        EchoStream.Echo echo = stream.read(first.socket(), deadline(ctx.budgets().serverTimeout()), false);
        thread.join(ctx.budgets().closeWindow());
        Map<String, Object> facts = echo.facts(stream, writer.written(), shaOf(writer));
        facts.put("second_echoed", second.fact("intact"));
        facts.put("first_mid_transfer", midTransfer);
        return ctx.observe(List.of(), echo.end(), facts);
    }

    // --- shared ---

    /** Waits until the writer's count stops moving for {@link #STALL}; false when it finished or the limit passed first. */
    private static boolean awaitStall(EchoStream.Writer writer, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        long last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < end && !writer.done()) {
            Thread.sleep(POLL);
            long now = System.nanoTime();
            long written = writer.written();
            if (written != last) {
                last = written;
                since = now;
            } else if (now - since >= STALL.toNanos()) {
                return true;
            }
        }
        return false;
    }

    private static String shaOf(EchoStream.Writer writer) {
        return writer.done() ? writer.writtenSha256() : "(the writer had not finished)";
    }

    private static long deadline(Duration budget) {
        return System.nanoTime() + budget.toNanos();
    }
}
