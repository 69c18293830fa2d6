package io.h1kit.gatling.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which CPUs the servers and the Gatling JVMs run on. With {@code taskset} and at least two CPUs,
 * each server gets the last CPU and Gatling the others, so that they do not take turns on one
 * core and a server's CPU time is its own; stage 4 then runs one event loop, as there is one core
 * for it. Otherwise nothing is pinned.
 *
 * @param server prefix of a server's command line ({@code taskset -c 1}), empty when not pinned
 * @param client prefix of a Gatling JVM's command line
 */
record Pinning(List<String> server, List<String> client, String description) {

    static Pinning detect(int cpus) {
        Path taskset = onPath("taskset");
        if (taskset == null || cpus < 2) {
            return new Pinning(List.of(), List.of(), cpus + " CPUs, nothing pinned"
                    + (taskset == null ? " (no taskset)" : ""));
        }
        String last = Integer.toString(cpus - 1);
        String others = cpus == 2 ? "0" : "0-" + (cpus - 2);
        return new Pinning(List.of(taskset.toString(), "-c", last), List.of(taskset.toString(), "-c", others),
                cpus + " CPUs; servers pinned to CPU " + last + ", Gatling to CPU " + others
                        + " (taskset); eventloop with --loops 1");
    }

    boolean pinned() {
        return !server.isEmpty();
    }

    /** A program on the PATH or in /usr/sbin, /sbin (where Debian puts nginx), or null. */
    static Path onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
