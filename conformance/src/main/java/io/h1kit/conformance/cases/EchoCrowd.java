package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.ProbeContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The echo cases with many connections (ECHO-09 to ECHO-11): plain sockets, one virtual thread
 * per client, everything bounded by a deadline. Their connections are not kept as evidence (a
 * thousand transcripts say less than the counts); the facts say what happened. Stateless.
 */
final class EchoCrowd {
    /** ECHO-09: the row's clients and bytes per client. */
    static final int CLIENTS = 200;
    static final int CLIENT_BYTES = 64 * 1024;
    /** ECHO-09: the largest single write of a client. */
    private static final int MAX_PIECE = 8_192;
    /** ECHO-10: the row's connects, above a typical listen backlog. */
    static final int BURST = 1_000;
    /** ECHO-11: the row's connections in turn. */
    static final int CHURN = 10_000;
    /** ECHO-11: the window at each end compared for drift. */
    private static final int DRIFT_WINDOW = 1_000;

    private EchoCrowd() {
    }

    // --- ECHO-09 ---

    /** How one of many clients fared. */
    private record Client(boolean connected, boolean intact, boolean corrupted, long millis) {
    }

    static Observation manyClients(ProbeContext ctx, long deadlineNanos) throws InterruptedException {
        InetSocketAddress address = ctx.target().resolved();
        List<Client> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Client>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int n = i;
                futures.add(pool.submit(() -> oneClient(address, n, deadlineNanos)));
            }
            for (Future<Client> f : futures) {
                clients.add(get(f, new Client(false, false, false, -1)));
            }
        }
        long[] millis = clients.stream().filter(Client::intact).mapToLong(Client::millis).sorted().toArray();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("clients", CLIENTS);
        facts.put("clients_intact", millis.length);
        facts.put("corrupted", clients.stream().filter(Client::corrupted).count());
        facts.put("not_connected", clients.stream().filter(c -> !c.connected()).count());
        facts.put("p50_ms", percentile(millis, 50));
        facts.put("p99_ms", percentile(millis, 99));
        return ctx.observe(List.of(), CloseState.NOT_CHECKED, facts);
    }

    /** A unique stream per client (its own seed), so a byte of another client's stream is a difference. */
    private static Client oneClient(InetSocketAddress address, int n, long deadlineNanos) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            try {
                s.connect(address, Math.max(1, millisLeft(deadlineNanos)));
            } catch (IOException e) {
                return new Client(false, false, false, -1);
            }
            EchoStream stream = new EchoStream(9_000 + n, CLIENT_BYTES);
            Random sizes = new Random(n);
            EchoStream.Writer writer = stream.writer(s, () -> 1 + sizes.nextInt(MAX_PIECE), true);
            Thread t = writer.start("echo-09-writer-" + n);
            EchoStream.Echo echo = stream.read(s, deadlineNanos, false);
            t.join(java.time.Duration.ofMillis(Math.max(1, millisLeft(deadlineNanos))));
            boolean intact = writer.done() && echo.intact(stream, writer.writtenSha256());
            return new Client(true, intact, echo.firstDifference() >= 0, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Client(true, false, false, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Client(true, false, false, -1);
        }
    }

    // --- ECHO-10 ---

    /** How one connect of a burst ended. */
    enum Outcome { SERVED, REFUSED, PENDING, UNSERVED, CORRUPTED }

    static Observation burst(ProbeContext ctx, long deadlineNanos) throws InterruptedException {
        InetSocketAddress address = ctx.target().resolved();
        long start = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int n = i;
                futures.add(pool.submit(() -> oneConnect(address, n, deadlineNanos)));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(get(f, Outcome.UNSERVED));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("connects", BURST);
        for (Outcome o : Outcome.values()) {
            facts.put(o.name().toLowerCase(java.util.Locale.ROOT), outcomes.stream().filter(x -> x == o).count());
        }
        long elapsedMillis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        facts.put("elapsed_ms", elapsedMillis);
        facts.put("served_per_second", facts.get("served") instanceof Long served ? served * 1000 / elapsedMillis : 0);
        return ctx.observe(List.of(), CloseState.NOT_CHECKED, facts);
    }

    private static Outcome oneConnect(InetSocketAddress address, int n, long deadlineNanos) {
        byte[] payload = ByteBuffer.allocate(4).putInt(n).array();
        try (Socket s = new Socket()) {
            try {
                s.connect(address, Math.max(1, millisLeft(deadlineNanos)));
            } catch (ConnectException e) {
                return Outcome.REFUSED;
            } catch (SocketTimeoutException e) {
                return Outcome.PENDING;
            }
            try {
                s.getOutputStream().write(payload);
                s.shutdownOutput();
                byte[] back = readAll(s, deadlineNanos);
                if (back == null) {
                    return Outcome.UNSERVED;
                }
                return Arrays.equals(back, payload) ? Outcome.SERVED
                        : back.length == 0 ? Outcome.REFUSED : Outcome.CORRUPTED;
            } catch (SocketException e) {
                return Outcome.REFUSED; // reset before any echo: a clean refusal
            }
        } catch (IOException e) {
            return Outcome.UNSERVED;
        }
    }

    /** Everything until the server closes; null when the deadline passes first. */
    private static byte[] readAll(Socket s, long deadlineNanos) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[16];
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        while (true) {
            int left = millisLeft(deadlineNanos);
            if (left <= 1) {
                return null;
            }
            s.setSoTimeout(left);
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (n < 0) {
                return all.toByteArray();
            }
            all.write(buffer, 0, n);
        }
    }

    // --- ECHO-11 ---

    static Observation churn(ProbeContext ctx, long deadlineNanos) {
        InetSocketAddress address = ctx.target().resolved();
        int responseMillis = (int) ctx.budgets().response().toMillis();
        long[] micros = new long[CHURN];
        int done = 0;
        String failure = null;
        while (done < CHURN && System.nanoTime() < deadlineNanos) {
            long start = System.nanoTime();
            byte b = (byte) done;
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.connect(address, responseMillis);
                s.setSoTimeout(responseMillis);
                s.getOutputStream().write(b);
                int back = s.getInputStream().read();
                if (back != (b & 0xFF)) {
                    failure = back < 0 ? "closed without an echo" : "echoed a different byte";
                    break;
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                break;
            }
            micros[done++] = (System.nanoTime() - start) / 1_000;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("connections", done);
        if (failure != null) {
            facts.put("failed_at", done);
            facts.put("failure", failure);
        }
        if (done >= 2 * DRIFT_WINDOW) {
            facts.put("p50_first_1000_ms", percentile(sortedMillis(micros, 0, DRIFT_WINDOW), 50));
            facts.put("p50_last_1000_ms", percentile(sortedMillis(micros, done - DRIFT_WINDOW, done), 50));
        }
        facts.put("p99_ms", percentile(sortedMillis(micros, 0, done), 99));
        return ctx.observe(List.of(), CloseState.NOT_CHECKED, facts);
    }

    // --- shared ---

    private static double[] sortedMillis(long[] micros, int from, int to) {
        return Arrays.stream(micros, from, to).sorted().mapToDouble(m -> m / 1000.0).toArray();
    }

    /** The p-th percentile of sorted values (nearest rank), or 0 for none. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static int millisLeft(long deadlineNanos) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, (deadlineNanos - System.nanoTime()) / 1_000_000));
    }

    private static <T> T get(Future<T> f, T otherwise) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return otherwise;
        }
    }
}
