package io.h1kit.conformance.nginx;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A stock nginx started for a test on 127.0.0.1 and a free port, with the checked-in
 * {@code nginx/nginx.conf.template} and a temporary folder for its pid, logs and temp files; it
 * serves the suite's fixture tree. Closing it stops nginx (SIGTERM, then SIGKILL for the master
 * and its workers if they outlive the grace period) and deletes the folder.
 */
final class Nginx implements AutoCloseable {
    /** Where Debian's package puts it. */
    static final Path DEBIAN_BINARY = Path.of("/usr/sbin/nginx");
    static final String TEMPLATE = "/nginx/nginx.conf.template";
    /** nginx starts in milliseconds; a busy CI machine gets this long. */
    static final Duration START_LIMIT = Duration.ofSeconds(15);
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** A free port can be taken by someone else before nginx binds it: try again with another. */
    static final int START_ATTEMPTS = 3;
    private static final Pattern VERSION = Pattern.compile("nginx/([0-9]+\\.[0-9]+\\.[0-9]+)");

    private final Process process;
    private final Path folder;
    private final InetSocketAddress address;
    /** The worker processes, noted once nginx is up: a master killed outright would leave them behind. */
    private List<ProcessHandle> workers = List.of();

    private Nginx(Process process, Path folder, InetSocketAddress address) {
        this.process = process;
        this.folder = folder;
        this.address = address;
    }

    /**
     * The nginx binary: the one {@code -Dh1kit.nginx=PATH} names (another build, another version),
     * else Debian's, else the first on the PATH; empty when there is none.
     */
    static Optional<Path> find() {
        String named = System.getProperty("h1kit.nginx", "").strip();
        if (!named.isEmpty()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        if (Files.isExecutable(DEBIAN_BINARY)) {
            return Optional.of(DEBIAN_BINARY);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "nginx")).filter(Files::isExecutable).findFirst();
    }

    /** The version {@code nginx -v} reports, e.g. "1.22.1". */
    static String version(Path binary) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor(10, TimeUnit.SECONDS);
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new IOException("cannot read the version from '" + binary + " -v': " + out.strip());
        }
        return m.group(1);
    }

    /** Starts nginx serving {@code root}; returns once it accepts connections. */
    static Nginx start(Path binary, Path root) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Path folder = Files.createTempDirectory("h1kit-nginx-");
            // As root, nginx's workers run as "nobody": they must reach the temp folders inside.
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            int port = freePort();
            Files.writeString(folder.resolve("nginx.conf"), config(port, root.toAbsolutePath().normalize(), folder));
            Process process = new ProcessBuilder(binary.toString(), "-c", folder.resolve("nginx.conf").toString(),
                    "-p", folder + "/", "-e", folder.resolve("error.log").toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            Nginx nginx = new Nginx(process, folder, address);
            if (nginx.awaitReady()) {
                nginx.workers = process.descendants().toList();
                return nginx;
            }
            String logs = nginx.logs();
            nginx.close();
            last = new IOException("nginx did not start (attempt " + attempt + "):\n" + logs);
            if (!logs.contains("Address already in use")) {
                break;
            }
        }
        throw last;
    }

    InetSocketAddress address() {
        return address;
    }

    /** The generated configuration: the template with the port, the root and the folder filled in. */
    static String config(int port, Path root, Path folder) throws IOException {
        String template;
        try (InputStream in = Nginx.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("missing test resource " + TEMPLATE);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template.replace("{{PORT}}", Integer.toString(port))
                .replace("{{ROOT}}", root.toString())
                .replace("{{TMP}}", folder.toString());
    }

    /** Waits until the port accepts connections and the worker exists (the master listens before it forks). */
    private boolean awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(address, 200);
                if (process.descendants().findAny().isPresent()) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** What nginx wrote to its error log and standard output, for a failure message. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("error.log", "stdout.log")) {
            try {
                sb.append(name).append(":\n").append(Files.readString(folder.resolve(name))).append('\n');
            } catch (IOException e) {
                sb.append(name).append(": (none)\n");
            }
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // A master killed outright leaves its workers listening: they go too.
        Stream.concat(workers.stream(), process.descendants()).filter(ProcessHandle::isAlive)
                .forEach(ProcessHandle::destroyForcibly);
        deleteQuietly(folder);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
