package io.h1kit.gatling.load;

import io.h1kit.reports.model.Expectation;
import io.h1kit.reports.model.LoadJson;
import io.h1kit.reports.model.LoadRun;
import io.h1kit.reports.model.Measurement;
import io.h1kit.reports.model.Scenario;
import io.h1kit.reports.model.Target;
import io.h1kit.reports.model.TargetKind;
import io.h1kit.server.launch.StageProcess;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every scenario on every target, one target at a time (a stage or nginx is started before
 * its scenarios and stopped after), samples the server beside each run, and writes
 * {@code load.json}. Progress goes to {@code progress} (stderr). Single-threaded, apart from the
 * sampler and the shutdown hook in {@link Children}.
 */
final class LoadRunner {
    /** Exit statuses, as {@code h1kit load --help} lists them; the worst (highest) wins. */
    static final int OK = 0;
    static final int GATING_FAILED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int INTERNAL = 4;

    /** A stage JVM prints its address in about a second; a minute means it hangs. */
    static final long STAGE_START_MILLIS = 60_000;
    /** How long a connect to an external target may take before it counts as unreachable. */
    static final int REACH_MILLIS = 2_000;
    /**
     * The idle scenario's bound for opening, asking and reading all connections: 10,000 on
     * loopback take about a second; a stage that serves one connection at a time never answers
     * most of them, and this is how long it is given.
     */
    static final long IDLE_DEADLINE_MILLIS = 10_000;
    /** The idle scenario's request: the fixture's 1 KiB file. */
    static final String IDLE_PATH = "/small.txt";
    /** The warm-up request before the idle scenario's first sample: answered in milliseconds by any stage. */
    static final long WARM_UP_MILLIS = 5_000;
    /** The most to wait for a server to take new requests again after the idle scenario. */
    static final long SETTLE_MILLIS = 30_000;
    /**
     * Below this many connections held in the idle scenario's second batch, memory per
     * connection is not reported: the JVM's own RSS noise (a few MiB) would dominate. The
     * sequential stage holds 1, the thread pool 64 workers and 128 queued connections (192).
     */
    static final int IDLE_MIN_HELD = 500;
    /**
     * The stages whose architecture holds fewer connections than that (one at a time; 64 workers
     * and a queue of 128): for them a low count is expected, for any other server it fails.
     */
    static final Map<String, String> IDLE_LIMITED = Map.of(
            "sequential", "one connection at a time",
            "threadpool", "each of the 64 workers holds one keep-alive connection; the queue's 128 wait"
                    + " unanswered until a worker's client leaves, and the rest get 503");

    /** What to run, and where. */
    record Settings(List<TargetSpec> targets, List<LoadScenario> scenarios, Profile profile, Path out,
                    String serverClasspath, String gatlingClasspath, Path fixture, Pinning pinning) {
    }

    private final Settings s;
    private final PrintWriter progress;
    private final Children children;
    private final Clock clock;
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private int status = OK;

    LoadRunner(Settings settings, PrintWriter progress, Children children, Clock clock) {
        this.s = settings;
        this.progress = progress;
        this.children = children;
        this.clock = clock;
    }

    /** A server being measured: its URL, the process tree to sample (or none), and how to stop it. */
    private record Running(String url, Long pid, Stopper stopper) {
    }

    private interface Stopper {
        void stop() throws InterruptedException;
    }

    /** Runs it all; returns the exit status. load.json is written even when a target failed. */
    int run() throws IOException, InterruptedException {
        Files.createDirectories(s.out());
        for (TargetSpec t : s.targets()) {
            Running server = start(t);
            if (server == null) {
                continue;
            }
            targets.add(new Target(t.name(), kind(t), describe(t)));
            try {
                for (LoadScenario scenario : runOrder(s.scenarios())) {
                    runScenario(t, server, scenario);
                }
            } finally {
                server.stopper().stop();
            }
        }
        LoadRun run = new LoadRun(LoadRun.SCHEMA, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(),
                machine(), targets, s.scenarios().stream().map(LoadRunner::scenario).toList(), measurements);
        LoadJson.write(run, s.out().resolve("load.json"));
        return status;
    }

    /**
     * Idle connections first, on a server that has not served load yet: after a load run a JVM's
     * heap has grown and stays resident, and new connections fit in it without moving its RSS
     * (stage 4 showed 2 to 10 bytes per connection measured last). The others in the order given.
     */
    static List<LoadScenario> runOrder(List<LoadScenario> scenarios) {
        List<LoadScenario> order = new ArrayList<>(scenarios);
        if (order.remove(LoadScenario.IDLE_CONNECTIONS)) {
            order.addFirst(LoadScenario.IDLE_CONNECTIONS);
        }
        return order;
    }

    private void worse(int next) {
        status = Math.max(status, next);
    }

    private Running start(TargetSpec t) throws IOException, InterruptedException {
        switch (t.kind()) {
            case STAGE -> {
                List<String> command = new ArrayList<>(s.pinning().server());
                command.addAll(List.of(javaBin, "-cp", s.serverClasspath(), "io.h1kit.cli.Main", "serve",
                        "--stage", t.name(), "--port", "0", "--root", s.fixture().toAbsolutePath().toString(),
                        "--access-log", "off",
                        // The error log to a file of its own: on standard error its writer thread
                        // can interleave with serve's listening line, which is then unreadable.
                        "--error-log", s.out().resolve("servers").resolve(t.name() + ".error.log").toAbsolutePath().toString()));
                if (t.name().equals("eventloop") && s.pinning().pinned()) {
                    command.addAll(List.of("--loops", "1"));
                }
                try {
                    StageProcess p = StageProcess.start(command, s.out().resolve("servers").resolve(t.name() + ".log"),
                            STAGE_START_MILLIS);
                    children.add(p.pid());
                    progress.println("h1kit load: " + t.name() + " started at " + p.url() + " (pid " + p.pid() + ")");
                    progress.flush();
                    return new Running(p.url(), p.pid(), () -> {
                        int exit = p.stop(StageProcess.CLOSE_GRACE_MILLIS);
                        children.remove(p.pid());
                        if (exit != 0) {
                            progress.println("h1kit load: " + t.name() + " exited " + exit + " after SIGTERM; see "
                                    + s.out().resolve("servers").resolve(t.name() + ".log"));
                        }
                    });
                } catch (IOException e) {
                    fail(UNREACHABLE, t.name() + " did not start: " + e.getMessage());
                    return null;
                }
            }
            case NGINX -> {
                try {
                    Nginx.Running n = Nginx.start(Nginx.binary(), s.out().resolve("nginx"), s.fixture(),
                            s.pinning().server(), children);
                    progress.println("h1kit load: nginx started at " + n.url() + " (pid " + n.master().pid() + ")");
                    progress.flush();
                    return new Running(n.url(), n.master().pid(), () -> {
                        n.master().destroy();
                        n.master().waitFor();
                        children.remove(n.master());
                    });
                } catch (IOException e) {
                    fail(UNREACHABLE, e.getMessage());
                    return null;
                }
            }
            default -> {
                try (Socket probe = new Socket()) {
                    probe.connect(TargetSpec.address(t.url()), REACH_MILLIS);
                } catch (IOException e) {
                    fail(UNREACHABLE, t.name() + " at " + t.url() + " cannot be reached: " + e.getMessage());
                    return null;
                }
                return new Running(t.url(), t.pid(), () -> { });
            }
        }
    }

    private void fail(int exit, String message) {
        progress.println("h1kit load: " + message);
        progress.flush();
        worse(exit);
    }

    private void runScenario(TargetSpec t, Running server, LoadScenario scenario) throws IOException, InterruptedException {
        if (scenario == LoadScenario.IDLE_CONNECTIONS) {
            measurements.add(idle(t, server));
            return;
        }
        if (scenario.sweep()) {
            for (int users : s.profile().sweepUsers()) {
                measurements.add(gatling(t, server, scenario, users));
            }
        } else {
            measurements.add(gatling(t, server, scenario, null));
        }
    }

    private Measurement gatling(TargetSpec t, Running server, LoadScenario scenario, Integer users)
            throws IOException, InterruptedException {
        Map<String, String> props = new HashMap<>(s.profile().properties());
        props.put("h1kit.target", server.url());
        props.put("h1kit.targetName", t.name());
        if (users != null) {
            props.put("h1kit.users", users.toString());
        }
        Path reportDir = s.out().resolve("gatling").resolve(t.name())
                .resolve(scenario.id() + (users == null ? "" : "-" + users));
        GatlingRun run = GatlingRun.of(s.pinning().client(), javaBin, s.gatlingClasspath(),
                scenario.simulationClass().orElseThrow(), props, reportDir,
                s.profile().maxSeconds() + GatlingRun.JVM_MARGIN_SECONDS);
        ProcessSampler sampler = server.pid() == null ? null : ProcessSampler.start(server.pid());
        GatlingRun.Outcome outcome;
        ProcessSampler.Summary cost;
        try {
            outcome = run.run(children);
        } finally {
            cost = sampler == null ? new ProcessSampler.Summary(null, null, null, null) : sampler.stop();
        }
        String label = t.name() + " " + scenario.id() + (users == null ? "" : " at " + users + " users");
        GatlingStats stats = null;
        if (outcome.reportWritten()) {
            try {
                stats = GatlingStats.read(reportDir.resolve("index.html"));
            } catch (IOException e) {
                progress.println("h1kit load: " + label + ": " + e.getMessage());
            }
        }
        Expectation expectation = judge(outcome, stats, run);
        String relative = stats == null ? null : relative(reportDir);
        Measurement m = stats == null
                ? new Measurement(t.name(), scenario.id(), users, 0, 0, 0, 0, 0, 0, 0, null, cost.peakRssBytes(), null,
                relative, expectation, cost.peakThreads(), cost.peakOpenFiles())
                : new Measurement(t.name(), scenario.id(), users, stats.perSecond(), stats.p50(), stats.p95(), stats.p99(),
                stats.max(), stats.total(), stats.ko(), perThousand(cost.cpuMillis(), stats.total()), cost.peakRssBytes(),
                null, relative, expectation, cost.peakThreads(), cost.peakOpenFiles());
        progress.println("h1kit load: " + label + ": " + summary(m));
        progress.flush();
        return m;
    }

    /**
     * Gatling's status and the simulation's declared expectation: 0 is a pass, or an expected
     * failure when the expectation does not gate; 2 (an assertion failed) gates; anything else,
     * or no report, is an internal error.
     */
    private Expectation judge(GatlingRun.Outcome o, GatlingStats stats, GatlingRun run) {
        boolean haveStats = stats != null;
        if (o.timedOut()) {
            worse(INTERNAL);
            return Expectation.failed("Gatling overran " + run.timeoutSeconds() + " s and was killed; see " + relative(run.log()));
        }
        if (!haveStats || o.gating() == null || (o.status() != 0 && o.status() != GatlingRun.ASSERTION_FAILED)) {
            worse(INTERNAL);
            return Expectation.failed("Gatling exited " + o.status() + (haveStats ? "" : " without a readable report")
                    + "; see " + relative(run.log()));
        }
        if (o.status() == GatlingRun.ASSERTION_FAILED) {
            worse(GATING_FAILED);
            return Expectation.failed(o.gating()
                    ? "an assertion failed: " + o.reason() + String.format(Locale.ROOT, "; was errors %.1f%%, p99 %.0f ms",
                    stats.total() == 0 ? 0 : 100.0 * stats.ko() / stats.total(), stats.p99())
                    : "no request was sent, although expected to fail: " + o.reason());
        }
        return o.gating() ? Expectation.PASS : new Expectation(Expectation.Outcome.EXPECTED_TO_FAIL, o.reason());
    }

    private Measurement idle(TargetSpec t, Running server) throws IOException, InterruptedException {
        int n = s.profile().idleConnections();
        int firstBatch = n / 2;
        int secondBatch = n - firstBatch;
        InetSocketAddress address = TargetSpec.address(server.url());
        // One request first, so that the classes of the request path are loaded before "before".
        try (IdleConnections warmUp = IdleConnections.open(address, IDLE_PATH, 1, WARM_UP_MILLIS)) {
            warmUp.result();
        }
        // Two batches, and the memory of the second only: the first pays what a server spends
        // once, whatever the count (a JVM's young heap touched for the first time, tables sized
        // up, thread stacks), so the second shows what one more idle connection costs, which is
        // what 10,000 of them cost each. Measured from cold in one batch, stage 4 read ten times
        // its figure at 10,000.
        ProcessSampler.Sample before = null;
        IdleConnections.Result r;
        Long after = null;
        int held;
        int heldSecond;
        try (IdleConnections base = IdleConnections.open(address, IDLE_PATH, firstBatch, IDLE_DEADLINE_MILLIS)) {
            IdleConnections.Result r1 = base.result();
            if (server.pid() != null) {
                before = ProcessSampler.sample(server.pid());
            }
            try (IdleConnections more = IdleConnections.open(address, IDLE_PATH, secondBatch, IDLE_DEADLINE_MILLIS)) {
                IdleConnections.Result r2 = more.result();
                if (server.pid() != null) {
                    after = ProcessSampler.sample(server.pid()).rssBytes();
                }
                heldSecond = more.stillHeld();
                held = base.stillHeld() + heldSecond;
                r = IdleConnections.Result.combine(r1, r2);
            }
        }
        settle(t, address);
        Long perConnection = null;
        String why;
        if (before == null || before.rssBytes() == null || after == null) {
            why = held + " of " + n + " connections held; no process to sample";
        } else if (heldSecond < Math.min(IDLE_MIN_HELD, secondBatch)) {
            why = "held only " + held + " of " + n + " connections (" + heldSecond + " of the second " + secondBatch
                    + ", fewer than " + Math.min(IDLE_MIN_HELD, secondBatch) + "): no per-connection figure";
        } else {
            perConnection = (after - before.rssBytes()) / heldSecond;
            why = null;
        }
        long[] lat = r.latencyMillis();
        double seconds = Math.max(r.elapsedMillis(), 1) / 1000.0;
        Expectation expectation;
        if (why == null) {
            expectation = Expectation.PASS;
        } else if (IDLE_LIMITED.containsKey(t.name()) || before == null || after == null) {
            expectation = new Expectation(Expectation.Outcome.EXPECTED_TO_FAIL,
                    why + (IDLE_LIMITED.containsKey(t.name()) ? " (" + IDLE_LIMITED.get(t.name()) + ")" : ""));
        } else {
            worse(GATING_FAILED);
            expectation = Expectation.failed(why);
        }
        Measurement m = new Measurement(t.name(), LoadScenario.IDLE_CONNECTIONS.id(), null, r.answered() / seconds,
                IdleConnections.percentile(lat, 50), IdleConnections.percentile(lat, 95),
                IdleConnections.percentile(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1], n, n - r.answered(),
                null, after, perConnection, null, expectation, null, null);
        progress.println("h1kit load: " + t.name() + " idle-connections: " + r.answered() + " of " + n + " answered, "
                + held + " held" + (perConnection == null ? "" : ", " + perConnection + " bytes each"));
        progress.flush();
        return m;
    }

    /**
     * Waits until the server answers a fresh request, so that the next scenario does not start
     * behind the idle scenario's backlog: the sequential stage still has to take each closed
     * connection in turn, and the first request after it once waited out Gatling's 10 s timeout.
     */
    private void settle(TargetSpec t, InetSocketAddress address) throws IOException {
        try (IdleConnections probe = IdleConnections.open(address, IDLE_PATH, 1, SETTLE_MILLIS)) {
            if (probe.result().answered() == 0) {
                progress.println("h1kit load: " + t.name() + " did not answer within " + SETTLE_MILLIS
                        + " ms after the idle connections closed; going on");
            }
        }
    }

    private static Double perThousand(Double cpuMillis, long requests) {
        return cpuMillis == null || requests == 0 ? null : cpuMillis / requests * 1000;
    }

    private String relative(Path p) {
        return s.out().toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString()
                .replace(java.io.File.separatorChar, '/');
    }

    private static String summary(Measurement m) {
        return String.format(Locale.ROOT, "%d requests, %d errors, %.0f req/s, p99 %.0f ms%s, %s",
                m.requests(), m.errors(), m.requestsPerSecond(), m.p99Ms(),
                m.cpuMsPer1000Requests() == null ? "" : String.format(Locale.ROOT, ", CPU %.1f ms/1,000 req", m.cpuMsPer1000Requests()),
                switch (m.expectation().outcome()) {
                    case PASS -> "pass";
                    case EXPECTED_TO_FAIL -> "expected to fail";
                    case FAILED -> "FAILED: " + m.expectation().reason();
                });
    }

    private static TargetKind kind(TargetSpec t) {
        return switch (t.kind()) {
            case STAGE -> TargetKind.REFERENCE_STAGE;
            case NGINX -> TargetKind.NGINX;
            case EXTERNAL -> TargetKind.EXTERNAL;
        };
    }

    private String describe(TargetSpec t) {
        return switch (t.kind()) {
            case STAGE -> "reference stage " + t.name() + (t.name().equals("eventloop") && s.pinning().pinned() ? ", --loops 1" : "");
            case NGINX -> "nginx, one worker (" + Nginx.binary() + ")";
            case EXTERNAL -> t.url() + (t.pid() == null ? ", not sampled" : ", pid " + t.pid());
        };
    }

    private static Scenario scenario(LoadScenario s) {
        return new Scenario(s.id(), s.title(), s.description(), s.sweep());
    }

    private String machine() {
        return s.pinning().description() + "; profile " + s.profile().name() + "; " + cpuModel();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no model name
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
