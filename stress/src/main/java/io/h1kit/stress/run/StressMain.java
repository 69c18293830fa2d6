package io.h1kit.stress.run;

import java.nio.file.Path;

/**
 * The stress run's own JVM entry point, started by {@code h1kit stress} with the stress module's
 * class path and {@code -XX:+EnableDynamicAgentLoading}: {@code StressMain quick|full OUT_DIR}.
 * Exit status: 0 every expectation held, 1 not, 2 usage, 4 the run itself broke.
 */
public final class StressMain {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 4;

    private StressMain() {
    }

    public static void main(String[] args) {
        // lincheck's agent may leave threads of its own behind; the verdict is the exit status.
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 2 || !(args[0].equals("quick") || args[0].equals("full"))) {
            System.err.println("usage: StressMain quick|full OUT_DIR");
            return EXIT_USAGE;
        }
        Mode mode = args[0].equals("full") ? Mode.FULL : Mode.QUICK;
        Path out = Path.of(args[1]);
        try {
            Summary summary = StressRun.run(mode, out, System.out);
            System.out.println();
            System.out.println(ConsoleSummary.of(summary));
            System.out.println("Reports: " + out.resolve("index.html") + ", " + out.resolve("summary.json"));
            return summary.ok() ? EXIT_OK : EXIT_FAILED;
        } catch (StressException e) {
            System.err.println("h1kit: " + e.getMessage());
            return EXIT_INTERNAL;
        } catch (Exception e) {
            System.err.println("h1kit: stress run failed: " + e);
            e.printStackTrace(System.err);
            return EXIT_INTERNAL;
        }
    }
}
