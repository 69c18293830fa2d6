package io.h1kit.server.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server started as a process of its own ({@code h1kit serve --port 0}, or anything that prints
 * the same {@code listening on http://HOST:PORT/} line on standard error): started, its address
 * read from that line, stopped with SIGTERM. Its standard error (and output) go on into a log
 * file. Not thread-safe: one owner starts and stops it; {@link #stop} may also come from a
 * shutdown hook, which is why it is idempotent.
 */
public final class StageProcess implements AutoCloseable {
    /** What {@code h1kit serve} prints once it listens, as {@code .ci/conformance} reads it. */
    static final Pattern LISTENING = Pattern.compile("listening on [a-z]+://([0-9.]+):([0-9]+)/");

    private final Process process;
    private final InetSocketAddress address;

    private StageProcess(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /**
     * Starts {@code command} and waits up to {@code startTimeoutMillis} for its listening line.
     *
     * @throws IOException when it cannot start, exits first, or says nothing in time (it is then
     *                     killed); the message quotes the log's last lines
     */
    public static StageProcess start(List<String> command, Path log, long startTimeoutMillis)
            throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
        Thread.ofVirtual().name("stage-log-" + process.pid()).start(() -> copyLog(process, log, listening));
        try {
            InetSocketAddress address = listening.get(startTimeoutMillis, TimeUnit.MILLISECONDS);
            return new StageProcess(process, address);
        } catch (TimeoutException | ExecutionException e) {
            // Its output ended: it is exiting, and its status says why. Else it is stuck: killed.
            if (!(e instanceof ExecutionException && process.waitFor(startTimeoutMillis, TimeUnit.MILLISECONDS))) {
                process.destroyForcibly();
                process.waitFor(startTimeoutMillis, TimeUnit.MILLISECONDS);
            }
            String why = e instanceof TimeoutException
                    ? "printed no address within " + startTimeoutMillis + " ms"
                    : "exited before it listened (status " + exitOrUnknown(process) + ")";
            throw new IOException(command.getFirst() + " " + why + "; see " + log + tail(log));
        }
    }

    /** The address from a line of the server's output, if it is the listening line. */
    static Optional<InetSocketAddress> listeningAddress(String line) {
        Matcher m = LISTENING.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))));
    }

    private static void copyLog(Process process, Path log, CompletableFuture<InetSocketAddress> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                if (!listening.isDone()) {
                    out.flush();
                    listeningAddress(line).ifPresent(listening::complete);
                }
            }
        } catch (IOException e) {
            // the process went away, or the log could not be written: the waiter learns below
        }
        listening.completeExceptionally(new IOException("output ended"));
    }

    public InetSocketAddress address() {
        return address;
    }

    /** {@code http://HOST:PORT}, without a trailing slash. */
    public String url() {
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM and waits up to {@code graceMillis} for the exit, then kills it. Returns the
     * exit status (a clean {@code h1kit serve} stop is 0).
     */
    public int stop(long graceMillis) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM on Linux and macOS
        }
        if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    /** Stops it with a grace of {@link #CLOSE_GRACE_MILLIS}. */
    @Override
    public void close() throws InterruptedException {
        stop(CLOSE_GRACE_MILLIS);
    }

    /** A stage's shutdown grace is a few seconds (Timeouts.SHUTDOWN_GRACE) plus serve's exit margin. */
    public static final long CLOSE_GRACE_MILLIS = 15_000;

    private static String exitOrUnknown(Process process) {
        return process.isAlive() ? "unknown" : Integer.toString(process.exitValue());
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
            return last.isEmpty() ? "" : ": " + String.join(" | ", last);
        } catch (IOException e) {
            return "";
        }
    }
}
