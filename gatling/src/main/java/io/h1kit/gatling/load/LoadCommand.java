package io.h1kit.gatling.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code h1kit load}: the Gatling scenarios over the reference stages (each its own JVM), nginx
 * and servers of one's own, with the server's CPU and memory sampled beside each run; writes
 * {@code load.json} (h1kit-load/1) for {@code h1kit report}. This class and everything it runs
 * in-process use no Gatling: each Gatling run is a JVM of its own on the module's test class path.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the load scenarios (Gatling) against each target, one target at a time, sampling the "
                + "server's CPU time, memory, threads and open files from /proc beside each run, and writes "
                + "DIR/load.json (schema h1kit-load/1) with the Gatling reports under DIR/gatling/.",
                "Without --target it runs the three reference stages (each started as a JVM of its own on a free "
                + "port, serving gatling/fixture/www); quick takes about 6 to 7 minutes on two cores."},
        footer = {"", "Scenarios: keep-alive-sweep (one run per level), open-model, connection-churn, large-file,",
                "slow-clients, site, idle-connections.",
                "", "Exit status:",
                "  0  every gating expectation held",
                "  1  a gating expectation failed",
                "  2  usage error: a bad option, nginx not installed, too few file descriptors",
                "  3  a target could not be reached, or a stage did not start",
                "  4  internal error: a Gatling run overran, crashed or wrote no report",
                "", "Then: h1kit report --in DIR --out DIR/report"})
public final class LoadCommand implements Callable<Integer> {
    /** Descriptors this JVM needs besides the idle connections: jars, logs, pipes, selectors. */
    static final int FD_HEADROOM = 256;
    /** The Gatling test class path, for a test that runs on the module's own class path. */
    static final String GATLING_CLASSPATH_PROPERTY = "h1kit.load.gatlingClasspath";

    @Option(names = "--stages", paramLabel = "LIST", split = ",",
            description = "Reference stages to start and measure: sequential, threadpool, eventloop or 2, 3, 4 "
                    + "(default: all three, unless --target is given).")
    List<String> stages;

    @Option(names = "--target", paramLabel = "NAME=URL[,pid=PID]",
            description = "A server of your own on this machine (repeatable). With pid, its process tree is sampled; "
                    + "without, the CPU and memory columns stay empty.")
    List<String> externals = new ArrayList<>();

    @Option(names = "--with-nginx", description = "Also start nginx (one worker) on a free port as a target; "
            + "it must be installed.")
    boolean withNginx;

    @Option(names = "--profile", paramLabel = "quick|full|smoke", defaultValue = "quick",
            description = "quick (default, about 2 minutes a target), full (the simulations' defaults, about 4 "
                    + "minutes a target), smoke (seconds; for tests).")
    String profile;

    @Option(names = "--scenarios", paramLabel = "LIST", split = ",",
            description = "The scenarios to run (default: all).")
    List<String> scenarios;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/load",
            description = "Where to write load.json and the Gatling reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        LoadRunner.Settings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            err.println("h1kit: " + e.getMessage());
            err.flush();
            return LoadRunner.USAGE;
        } catch (IOException e) {
            err.println("h1kit: " + e.getMessage());
            err.flush();
            return LoadRunner.INTERNAL;
        }
        Children children = new Children();
        Thread hook = children.installHook();
        try {
            int status = new LoadRunner(settings, err, children, Clock.systemUTC()).run();
            stdout.println("load: " + settings.out().resolve("load.json"));
            stdout.println("report: h1kit report --in " + settings.out() + " --out " + settings.out().resolve("report"));
            stdout.flush();
            return status;
        } catch (IOException | RuntimeException e) {
            err.println("h1kit: load failed: " + e);
            err.flush();
            return LoadRunner.INTERNAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LoadRunner.INTERNAL;
        } finally {
            children.stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs
            }
        }
    }

    /** Checks the options and the machine; a usage problem is an IllegalArgumentException. */
    LoadRunner.Settings settings() throws IOException {
        Profile chosen = Profile.byName(profile);
        List<LoadScenario> picked = scenarios == null ? List.of(LoadScenario.values())
                : new LinkedHashSet<>(scenarios.stream().map(String::strip).map(LoadScenario::byId).toList()).stream().toList();
        List<TargetSpec> targets = targets();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target: give --stages, --target or --with-nginx");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
        }
        if (picked.contains(LoadScenario.IDLE_CONNECTIONS)) {
            requireDescriptors(chosen.idleConnections());
        }
        Path home = Path.of(System.getProperty("h1kit.home", "."));
        Path fixture = home.resolve("gatling/fixture/www");
        if (!Files.isDirectory(fixture)) {
            throw new IOException("the load fixture " + fixture + " is missing (run through ./h1kit, or from the kit's folder)");
        }
        return new LoadRunner.Settings(targets, picked, chosen, out, System.getProperty("java.class.path"),
                gatlingClasspath(), fixture, Pinning.detect(Runtime.getRuntime().availableProcessors()));
    }

    private List<TargetSpec> targets() {
        List<TargetSpec> targets = new ArrayList<>();
        List<String> names = stages != null ? stages
                : externals.isEmpty() ? TargetSpec.STAGES : List.of();
        for (String s : names) {
            if (!s.isBlank()) {
                targets.add(TargetSpec.stage(s));
            }
        }
        for (String e : externals) {
            targets.add(TargetSpec.external(e));
        }
        if (withNginx) {
            if (Nginx.binary() == null) {
                throw new IllegalArgumentException("--with-nginx: nginx is not installed (h1kit all --with-nginx installs it)");
            }
            targets.add(TargetSpec.nginx());
        }
        List<String> seen = new ArrayList<>();
        for (TargetSpec t : targets) {
            if (seen.contains(t.name())) {
                throw new IllegalArgumentException("the target name '" + t.name() + "' is given twice");
            }
            seen.add(t.name());
        }
        return targets;
    }

    /** The JVM raises its soft descriptor limit to the hard one at start; this is what it got. */
    private static void requireDescriptors(int connections) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long max = unix.getMaxFileDescriptorCount();
            if (max < connections + FD_HEADROOM) {
                throw new IllegalArgumentException("idle-connections needs " + (connections + FD_HEADROOM)
                        + " file descriptors and this process may open " + max + "; raise it (ulimit -n "
                        + (connections + FD_HEADROOM) + ") or leave the scenario out (--scenarios)");
            }
        }
    }

    /**
     * The Gatling JVMs' class path: the simulations (target/test-classes), this module, and the
     * test-scope dependencies Maven listed in target/gatling.classpath.
     */
    static String gatlingClasspath() throws IOException {
        String given = System.getProperty(GATLING_CLASSPATH_PROPERTY);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path self;
        try {
            self = Path.of(LoadCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot tell where the gatling module is: " + e.getMessage());
        }
        Path target = self.getParent();
        Path file = target.resolve("gatling.classpath");
        Path simulations = target.resolve("test-classes");
        if (!Files.isRegularFile(file) || !Files.isDirectory(simulations)) {
            throw new IOException("the Gatling class path is missing (" + file + " or " + simulations
                    + "); build with ./mvnw -pl gatling -am -DskipTests package, or use the ./h1kit launcher");
        }
        String rest = Files.readString(file, StandardCharsets.UTF_8).strip();
        return String.join(java.io.File.pathSeparator, Arrays.asList(simulations.toString(), self.toString(), rest));
    }
}
