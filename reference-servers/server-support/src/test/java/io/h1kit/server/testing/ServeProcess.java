package io.h1kit.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code h1kit serve} run as a separate JVM with the test's classpath, to test what only a real
 * process shows: signals and the exit status.
 */
public final class ServeProcess implements AutoCloseable {
    /** How long a start or a stop may take on a slow CI machine before the test fails. */
    public static final long BOUND_SECONDS = 30;
    private static final Pattern LISTENING = Pattern.compile("listening on \\w+://([0-9.]+):([0-9]+)/");

    private final Process process;
    private final InetSocketAddress address;
    private final List<String> stderr = new ArrayList<>();
    private final Thread stderrReader;

    private ServeProcess(Process process) throws IOException {
        this.process = process;
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        InetSocketAddress found = null;
        String line;
        while (found == null && (line = err.readLine()) != null) {
            stderr.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                found = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        if (found == null) {
            process.destroyForcibly();
            throw new IOException("server did not start: " + String.join("\n", stderr));
        }
        address = found;
        stderrReader = Thread.ofPlatform().daemon().start(() -> {
            try {
                String l;
                while ((l = err.readLine()) != null) {
                    synchronized (stderr) {
                        stderr.add(l);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    /** Starts {@code h1kit serve --port 0 --access-log off <args>} with this JVM's classpath. */
    public static ServeProcess start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.h1kit.cli.Main");
        command.add("serve");
        command.add("--port");
        command.add("0");
        command.add("--access-log");
        command.add("off");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new ServeProcess(p);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Sends SIGTERM and returns the exit status, or -1 when the process did not end in time. */
    public int terminate() throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            return -1;
        }
        stderrReader.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS)); // read to the end of its output
        return process.exitValue();
    }

    public String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
