package io.h1kit.gatling.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * A server {@code h1kit load} measures: a reference stage it starts, nginx it starts, or a server
 * of someone's own given as {@code --target NAME=URL[,pid=PID]}. Immutable.
 *
 * @param url  the base URL, for an external target; null for those started here
 * @param pid  the process whose tree is sampled, for an external target; null when not given
 */
record TargetSpec(String name, Kind kind, String url, Long pid) {
    enum Kind { STAGE, NGINX, EXTERNAL }

    /** The reference stages load runs on, by name and by number. */
    static final List<String> STAGES = List.of("sequential", "threadpool", "eventloop");

    static TargetSpec stage(String nameOrNumber) {
        String s = nameOrNumber.strip().toLowerCase(Locale.ROOT);
        String name = switch (s) {
            case "2" -> "sequential";
            case "3" -> "threadpool";
            case "4" -> "eventloop";
            default -> s;
        };
        if (!STAGES.contains(name)) {
            throw new IllegalArgumentException("--stages: unknown stage '" + nameOrNumber
                    + "'; use sequential, threadpool, eventloop (or 2, 3, 4)");
        }
        return new TargetSpec(name, Kind.STAGE, null, null);
    }

    static TargetSpec nginx() {
        return new TargetSpec("nginx", Kind.NGINX, null, null);
    }

    /** {@code NAME=URL[,pid=PID]}; the URL must be http:// on a loopback address. */
    static TargetSpec external(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--target must be NAME=URL[,pid=PID], was '" + spec + "'");
        }
        String name = spec.substring(0, eq).strip();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--target: the name '" + name + "' may hold letters, digits, '.', '_' and '-' only");
        }
        String[] parts = spec.substring(eq + 1).split(",");
        String url = parts[0].strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        Long pid = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!p.startsWith("pid=") || ProcFiles.number(p.substring(4)).isEmpty()) {
                throw new IllegalArgumentException("--target " + name + ": expected pid=PID after the URL, was '" + p + "'");
            }
            pid = ProcFiles.number(p.substring(4)).getAsLong();
        }
        requireLoopback(name, url);
        return new TargetSpec(name, Kind.EXTERNAL, url, pid);
    }

    /** As the simulations' Target does: load is only for servers on this machine. */
    private static void requireLoopback(String name, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target " + name + ": not a URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("--target " + name + ": expected http://HOST:PORT, was " + url);
        }
        try {
            if (InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                return;
            }
        } catch (UnknownHostException e) {
            // refused below
        }
        throw new IllegalArgumentException("--target " + name + ": " + url
                + " is not a loopback address; load runs only against servers on this machine");
    }

    /** The address of a URL such as http://127.0.0.1:8080. */
    static InetSocketAddress address(String url) {
        URI uri = URI.create(url);
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }
}
