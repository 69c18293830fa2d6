package io.h1kit.stress.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code h1kit stress}: the jcstress and lincheck suite, quick or full. The run happens in a JVM of
 * its own, on the stress module's class path: jcstress, lincheck and Kotlin stay off the shared
 * {@code h1kit} class path, lincheck's agent needs {@code -XX:+EnableDynamicAgentLoading}, and
 * jcstress's forks must run on this same JDK. This class therefore uses nothing but picocli and the
 * JDK: the tools' classes are not on the class path it runs on.
 */
@Command(name = "stress", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the concurrency suite: jcstress and lincheck over the reference servers' bounded queue, "
                + "worker pool, async log, statistics and connection tracking, and over a flawed copy of each, "
                + "which the same tests must catch.",
                "Quick (the default) takes about 2.5 minutes on two cores; --full is the nightly run."},
        footer = {"", "Exit status:",
                "  0  every real structure passed every check; every flawed copy was caught",
                "  1  an expectation failed: a FORBIDDEN outcome or a lincheck failure on a",
                "     real structure, a flawed copy not caught, jcstress soft or hard errors,",
                "     or no test run",
                "  2  usage error (one line on stderr)",
                "  4  internal error: the suite could not run (module not built, no results)",
                "", "Reports in the --out folder: summary.json (schema h1kit-stress/1),",
                "index.html, lincheck.html (lincheck's failure traces, also lincheck/*.txt)",
                "and jcstress's own report, jcstress/report/index.html."})
public final class StressCommand implements Callable<Integer> {
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 4;
    private static final DateTimeFormatter OUT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    /** The stress JVM's flags: lincheck's agent loads at run time, and it appends to the boot class path. */
    static final List<String> JVM_FLAGS = List.of("-XX:+EnableDynamicAgentLoading",
            "--sun-misc-unsafe-memory-access=allow", "-Xshare:off");
    static final String MAIN = "io.h1kit.stress.run.StressMain";

    @Option(names = "--full", description = "The long nightly run: jcstress's default preset over every JVM "
            + "configuration it detects, and lincheck at 30 scenarios of 3,000 invocations each (about half an hour).")
    boolean full;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the reports (default: out/stress/<yyyyMMdd-HHmmss>).")
    Path out;

    @CommandLine.Unmatched
    List<String> unmatched = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (!unmatched.isEmpty()) {
            err.println("h1kit: unknown option or argument: " + unmatched.getFirst());
            err.println("Try 'h1kit stress --help'.");
            err.flush();
            return EXIT_USAGE;
        }
        Path dir = out != null ? out : Path.of("out", "stress", LocalDateTime.now().format(OUT_STAMP));
        List<String> command;
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                err.println("h1kit: --out " + dir + " is a file, not a folder");
                err.flush();
                return EXIT_USAGE;
            }
            Files.createDirectories(dir);
            command = command(full ? "full" : "quick", dir);
        } catch (IOException e) {
            err.println("h1kit: " + e.getMessage());
            err.flush();
            return EXIT_INTERNAL;
        }
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor();
        } catch (IOException e) {
            err.println("h1kit: cannot start the stress JVM: " + e.getMessage());
            err.flush();
            return EXIT_INTERNAL;
        }
    }

    /** The stress JVM's command line. */
    static List<String> command(String mode, Path out) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(stressClasspath());
        command.add(MAIN);
        command.add(mode);
        command.add(out.toString());
        return command;
    }

    /**
     * This module's jar (or classes folder) and the runtime class path Maven wrote beside it,
     * {@code target/stress.classpath}.
     */
    static String stressClasspath() throws IOException {
        Path self;
        try {
            self = Path.of(StressCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot tell where the stress module is: " + e.getMessage());
        }
        Path file = self.getParent().resolve("stress.classpath");
        if (!Files.isRegularFile(file)) {
            throw new IOException("the stress module's class path is missing (" + file
                    + "); build it with ./mvnw -pl stress -am package, or use the ./h1kit launcher");
        }
        String rest = Files.readString(file, StandardCharsets.UTF_8).strip();
        return rest.isEmpty() ? self.toString() : self + java.io.File.pathSeparator + rest;
    }
}
