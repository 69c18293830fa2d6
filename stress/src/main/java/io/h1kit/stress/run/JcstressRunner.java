package io.h1kit.stress.run;

import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs jcstress in a JVM of its own, then reads its binary result file. The driver is started with
 * this JVM's own {@code java} and class path, so the forks it starts run on the same JDK (jcstress
 * forks on another JDK error out, and jcstress still exits 0). Its exit code is not trusted: the
 * results are read back and judged test by test, and a run that wrote none is an error.
 *
 * <p>Writes into {@code dir}: {@code jcstress.log} (the driver's output), the result file, and
 * jcstress's own HTML report under {@code report/}.
 */
public final class JcstressRunner {
    private final Path dir;
    private final List<String> modeArgs;
    private final Duration timeout;
    private final PrintStream progress;
    private Process process;
    private Thread pump;

    /**
     * @param modeArgs jcstress's settings for the mode (forks, iterations, time)
     * @param progress where the driver's verdict lines are echoed as they come
     */
    public JcstressRunner(Path dir, List<String> modeArgs, Duration timeout, PrintStream progress) {
        this.dir = dir;
        this.modeArgs = modeArgs;
        this.timeout = timeout;
        this.progress = progress;
    }

    /** Starts the driver on the tests matching {@code testRegex}; returns at once. */
    public void start(String testRegex) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.openjdk.jcstress.Main",
                "-t", testRegex,
                "-r", "report"));
        command.addAll(modeArgs);
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        pump = Thread.ofPlatform().daemon().name("jcstress-output").start(this::pumpOutput);
    }

    private void pumpOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             // Flushed per line, so that a long (--full) run can be followed with tail -f.
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.resolve("jcstress.log")), true)) {
            String line;
            java.util.Set<String> echoed = new java.util.HashSet<>();
            while ((line = in.readLine()) != null) {
                log.println(line);
                String verdict = line.strip().replaceFirst("^\\.+ *", "");
                // jcstress prints each verdict as it comes and again in its final listing: echo it once.
                if (verdict.startsWith("[") && verdict.contains("] io.h1kit.") && echoed.add(verdict)) {
                    progress.println("  jcstress " + verdict);
                }
            }
        } catch (IOException e) {
            progress.println("  jcstress: output lost: " + e.getMessage());
        }
    }

    /**
     * Waits for the driver and reads its results.
     *
     * @throws StressException when the driver ran past the timeout or left no result file
     */
    public List<JcstressResult> await() throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new StressException("jcstress did not finish within " + timeout + "; see " + dir.resolve("jcstress.log"));
        }
        pump.join(Duration.ofSeconds(10));
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new StressException("jcstress wrote no result file (exit status "
                            + process.exitValue() + "); see " + dir.resolve("jcstress.log")));
        }
        return read(file);
    }

    /** Reads a jcstress result file: one result per test, its forks and configurations merged. */
    public static List<JcstressResult> read(Path file) throws IOException {
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(file.toString(), collector);
        try {
            reader.dump();
        } catch (ClassNotFoundException e) {
            throw new IOException("unreadable jcstress result file " + file + ": " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        List<JcstressResult> results = new ArrayList<>();
        for (TestResult r : ReportUtils.mergedByName(collector.getTestResults())) {
            TestGrading grading = r.grading();
            List<JcstressResult.Outcome> forbidden = new ArrayList<>();
            for (GradingResult g : grading.gradingResults.values()) {
                if (g.expect == Expect.FORBIDDEN && g.count > 0) {
                    forbidden.add(new JcstressResult.Outcome(g.id, g.count, g.description));
                }
            }
            results.add(new JcstressResult(r.getName(), r.status().name(), r.status().name().equals("NORMAL")
                    && grading.isPassed, r.getTotalCount(), forbidden, List.copyOf(r.getMessages())));
        }
        results.sort(Comparator.comparing(JcstressResult::test));
        return results;
    }
}
