package io.h1kit.cli;

import io.h1kit.http.HttpLimits;
import io.h1kit.http.files.FileOptions;
import io.h1kit.server.Clock;
import io.h1kit.server.EventLoops;
import io.h1kit.server.Pool;
import io.h1kit.server.LogSink;
import io.h1kit.server.Server;
import io.h1kit.server.ServerContext;
import io.h1kit.server.ServerOptions;
import io.h1kit.server.Stage;
import io.h1kit.server.Timeouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code h1kit serve}: runs one reference server in the foreground until SIGTERM or SIGINT. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs one reference server in the foreground; SIGTERM or Ctrl-C stops it gracefully (exit 0).",
        footer = {"", "Durations take a unit: 500ms, 5s, 2m. Defaults marked (stage) depend on the stage:"})
final class ServeCommand implements Callable<Integer> {
    /** Extra time past the shutdown grace after which a stuck shutdown ends the process anyway. */
    static final Duration EXIT_MARGIN = Duration.ofSeconds(5);

    @Option(names = "--stage", paramLabel = "NAME", required = true, completionCandidates = Stages.class,
            description = "Which server: ${COMPLETION-CANDIDATES}.")
    String stage;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--root", paramLabel = "DIR", description = "Document root (default: the kit's demo site, reference-servers/site/www).")
    Path root;

    @Option(names = "--error-pages", paramLabel = "DIR", description = "Folder of custom error pages such as 404.html (default: the demo site's, "
            + "when --root is not given; else built-in pages).")
    Path errorPages;

    @Option(names = "--listing", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "List directories without index.html (default: on).")
    boolean listing;

    @Option(names = "--cache-max-age", paramLabel = "SECONDS", defaultValue = "" + FileOptions.CACHE_MAX_AGE_SECONDS,
            description = "Cache-Control max-age of static files (default: ${DEFAULT-VALUE}).")
    long cacheMaxAge;

    @Option(names = "--access-log", paramLabel = "PATH|-|off", defaultValue = "-", description = "Access log (default: ${DEFAULT-VALUE}).")
    String accessLog;

    @Option(names = "--error-log", paramLabel = "PATH|-|off", defaultValue = "-", description = "Error log (default: ${DEFAULT-VALUE}).")
    String errorLog;

    @Option(names = "--max-request-line", paramLabel = "BYTES", defaultValue = "" + HttpLimits.MAX_REQUEST_LINE_BYTES,
            description = "Longest request-line; longer answers 414 (default: ${DEFAULT-VALUE}).")
    int maxRequestLine;

    @Option(names = "--max-header-bytes", paramLabel = "BYTES", defaultValue = "" + HttpLimits.MAX_HEADER_SECTION_BYTES,
            description = "Largest header section; larger answers 431 (default: ${DEFAULT-VALUE}).")
    int maxHeaderBytes;

    @Option(names = "--max-headers", paramLabel = "COUNT", defaultValue = "" + HttpLimits.MAX_HEADER_COUNT,
            description = "Most header field lines; more answers 431 (default: ${DEFAULT-VALUE}).")
    int maxHeaders;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + HttpLimits.MAX_BODY_BYTES,
            description = "Largest request body; larger answers 413 (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-chunk-metadata", paramLabel = "BYTES", defaultValue = "" + HttpLimits.MAX_CHUNK_METADATA_BYTES,
            description = "Chunk extensions allowed per body; more answers 400 (default: ${DEFAULT-VALUE}).")
    int maxChunkMetadata;

    @Option(names = "--max-method", paramLabel = "BYTES", defaultValue = "" + HttpLimits.MAX_METHOD_BYTES,
            description = "Longest method; longer answers 501 (default: ${DEFAULT-VALUE}).")
    int maxMethod;

    @Option(names = "--max-requests-per-connection", paramLabel = "COUNT",
            defaultValue = "" + ServerOptions.MAX_REQUESTS_PER_CONNECTION,
            description = "Requests on one connection before it closes (default: ${DEFAULT-VALUE}).")
    int maxRequestsPerConnection;

    @Option(names = "--workers", paramLabel = "COUNT", defaultValue = "" + Pool.WORKERS,
            description = "Worker threads, for stages with a pool (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--queue", paramLabel = "COUNT", defaultValue = "" + Pool.QUEUE,
            description = "Accepted connections waiting for a worker (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--overload", paramLabel = "reject|wait", defaultValue = "reject",
            description = "When the queue is full: answer 503 and close, or stop accepting (default: ${DEFAULT-VALUE}).")
    String overload;

    @Option(names = "--loops", paramLabel = "COUNT",
            description = "Event loops, for the event-loop stage (default: one per core).")
    Integer loops;

    @Option(names = "--max-connections", paramLabel = "COUNT", defaultValue = "" + EventLoops.MAX_CONNECTIONS,
            description = "Open connections at most, for the event-loop stage; more are answered 503 (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait for a request on a new or kept-alive connection (default: stage).")
    Duration idleTimeout;

    @Option(names = "--header-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time to send a whole header section, then 408 (default: stage).")
    Duration headerTimeout;

    @Option(names = "--body-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time to send a whole body, then 408 (default: stage).")
    Duration bodyTimeout;

    @Option(names = "--write-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest blocked write to a client that does not read (default: stage).")
    Duration writeTimeout;

    @Option(names = "--linger-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Draining after a close, so the response is not reset (default: stage).")
    Duration lingerTimeout;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time busy connections get to finish on shutdown (default: stage).")
    Duration shutdownGrace;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Stage chosen = Stages.byName(stage);
        ServerOptions options = options(chosen);
        PrintStream console = System.err;
        try (ServerContext context = ServerContext.open(options, Clock.SYSTEM)) {
            Server server = chosen.create(context);
            try {
                server.start();
            } catch (IOException e) {
                throw new IOException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
            }
            Shutdown.onSignals(server, options.timeouts().shutdownGrace().plus(EXIT_MARGIN));
            var address = server.address();
            String listening = String.format("h1kit: %s server listening on %s://%s:%d/%s; SIGTERM or Ctrl-C stops it%n",
                    chosen.name(), chosen.speaksHttp() ? "http" : "tcp", address.getAddress().getHostAddress(),
                    address.getPort(), chosen.speaksHttp() ? " (root " + options.files().root() + ")" : "");
            // One write of the whole line: the error log's writer thread writes to the same
            // standard error, and printf's pieces let its lines cut into this one, which scripts
            // (.ci/conformance, h1kit load) read for the address.
            console.write(listening.getBytes(console.charset()));
            console.flush();
            server.awaitStopped();
        }
        return 0;
    }

    /** Appends each stage's default timeouts to the help footer, from the stages on the classpath. */
    static void describeStageDefaults(picocli.CommandLine serve) {
        var usage = serve.getCommandSpec().usageMessage();
        java.util.List<String> footer = new java.util.ArrayList<>(java.util.List.of(usage.footer()));
        for (Stage s : Stages.all()) {
            Timeouts t = s.defaultTimeouts();
            footer.add(String.format("  %-11s idle %s, header %s, body %s, write %s, linger %s, shutdown grace %s",
                    s.name(), text(t.idle()), text(t.header()), text(t.body()), text(t.write()), text(t.linger()),
                    text(t.shutdownGrace())));
        }
        footer.add("Logs: '-' is standard output (access) or standard error (error); 'off' turns a log off.");
        usage.footer(footer.toArray(String[]::new));
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private ServerOptions options(Stage chosen) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new Main.UsageException("--bind: unknown address " + bind);
        }
        Path docRoot = root;
        Path pages = errorPages;
        if (docRoot == null) {
            Path site = KitHome.find().map(home -> home.resolve("reference-servers/site")).orElseThrow(
                    () -> new Main.UsageException("--root is required when h1kit is not run through its launcher"));
            docRoot = site.resolve("www");
            if (pages == null) {
                pages = site.resolve("errors");
            }
        }
        if (!Files.isDirectory(docRoot)) {
            throw new Main.UsageException("--root: " + docRoot + " is not a folder");
        }
        if (pages != null && !Files.isDirectory(pages)) {
            throw new Main.UsageException("--error-pages: " + pages + " is not a folder");
        }
        if (cacheMaxAge < 0) {
            throw new Main.UsageException("--cache-max-age must be 0 or more");
        }
        Timeouts d = chosen.defaultTimeouts();
        Timeouts timeouts = new Timeouts(
                idleTimeout != null ? idleTimeout : d.idle(),
                headerTimeout != null ? headerTimeout : d.header(),
                bodyTimeout != null ? bodyTimeout : d.body(),
                writeTimeout != null ? writeTimeout : d.write(),
                lingerTimeout != null ? lingerTimeout : d.linger(),
                shutdownGrace != null ? shutdownGrace : d.shutdownGrace());
        try {
            HttpLimits limits = new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaders, maxBody, maxChunkMetadata, maxMethod);
            FileOptions files = new FileOptions(docRoot.toAbsolutePath().normalize(), listing, cacheMaxAge, pages);
            Pool pool = new Pool(workers, queue, Pool.Overload.parse(overload));
            EventLoops eventLoops = new EventLoops(loops != null ? loops : EventLoops.LOOPS, maxConnections);
            return new ServerOptions(address, port, files, limits, timeouts, maxRequestsPerConnection, accessLog, errorLog,
                    pool, eventLoops);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }
}
