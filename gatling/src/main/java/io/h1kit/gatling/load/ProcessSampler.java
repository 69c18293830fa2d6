package io.h1kit.gatling.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples a server's process tree (the process and its descendants, so nginx's master and worker)
 * from Linux {@code /proc} while a run lasts, on a thread of its own: CPU time, resident memory,
 * threads and open file descriptors. Started and stopped by one owner; where there is no
 * {@code /proc} every figure is null.
 */
final class ProcessSampler implements AutoCloseable {
    /**
     * Between samples: CPU time is a difference of two readings, so only the peaks depend on it;
     * 150 ms catches a peak of RSS held for a fraction of a second and costs the 2-core machine
     * next to nothing (a few small reads per process).
     */
    static final long PERIOD_MILLIS = 150;

    /**
     * Clock ticks per second of /proc/PID/stat's utime and stime: USER_HZ, which the kernel fixes
     * at 100 for user space on every architecture Linux runs the JDK on (getconf CLK_TCK).
     */
    static final long TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");

    /** One reading of the whole tree; a figure is null when it could not be read. */
    record Sample(Long cpuTicks, Long rssBytes, Long threads, Long openFiles) {
    }

    /** What a run cost the server: CPU between the first and last samples, and the peaks. */
    record Summary(Double cpuMillis, Long peakRssBytes, Long peakThreads, Long peakOpenFiles) {
    }

    private final long pid;
    private final Thread thread;
    private final List<Sample> samples = new ArrayList<>(); // guarded by this
    private volatile boolean running = true;

    private ProcessSampler(long pid) {
        this.pid = pid;
        synchronized (this) {
            samples.add(sample(pid));
        }
        this.thread = Thread.ofPlatform().daemon().name("h1kit-sampler-" + pid).start(this::loop);
    }

    /** Takes a first sample now, then one every {@link #PERIOD_MILLIS} until {@link #stop()}. */
    static ProcessSampler start(long pid) {
        return new ProcessSampler(pid);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Sample s = sample(pid);
            synchronized (this) {
                samples.add(s);
            }
        }
    }

    /** Stops sampling, takes a last sample, and sums up. */
    Summary stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        Sample last = sample(pid);
        synchronized (this) {
            samples.add(last);
            return summarise(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    /** CPU from the first to the last sample that has one; peaks over all samples. Pure. */
    static Summary summarise(List<Sample> samples) {
        Long first = null;
        Long last = null;
        Long rss = null;
        Long threads = null;
        Long files = null;
        for (Sample s : samples) {
            if (s.cpuTicks() != null) {
                first = first == null ? s.cpuTicks() : first;
                last = s.cpuTicks();
            }
            rss = max(rss, s.rssBytes());
            threads = max(threads, s.threads());
            files = max(files, s.openFiles());
        }
        Double cpu = first == null ? null : Math.max(0, last - first) * 1000.0 / TICKS_PER_SECOND;
        return new Summary(cpu, rss, threads, files);
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    /** Reads the tree of {@code pid} once: its figures summed over the processes still there. */
    static Sample sample(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        Long cpu = null;
        Long rss = null;
        Long threads = null;
        Long files = null;
        for (long p : pids) {
            Path dir = PROC.resolve(Long.toString(p));
            cpu = plus(cpu, ProcFiles.cpuTicks(read(dir.resolve("stat"))));
            String status = read(dir.resolve("status"));
            rss = plus(rss, ProcFiles.rssBytes(status));
            threads = plus(threads, ProcFiles.threads(status));
            files = plus(files, countFiles(dir.resolve("fd")));
        }
        return new Sample(cpu, rss, threads, files);
    }

    private static Long plus(Long sum, OptionalLong value) {
        if (value.isEmpty()) {
            return sum;
        }
        return (sum == null ? 0 : sum) + value.getAsLong();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return ""; // gone, or not ours to read: the parsers find nothing in ""
        }
    }

    private static OptionalLong countFiles(Path fdDir) {
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path ignored : fds) {
                n++;
            }
            return OptionalLong.of(n);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
