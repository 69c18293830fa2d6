package io.h1kit.stress.run;

import java.time.Duration;
import java.util.List;

/**
 * How long and hard a stress run looks. QUICK runs inside the test build, on every commit: short
 * enough for two cores, long enough that every flawed variant is caught every time (the races it
 * looks for show in a few percent of samples; a stale pool costs jcstress's fixed 30 s). FULL is
 * the nightly run: jcstress's default preset, every JVM configuration it detects, and lincheck at
 * 18 times the quick effort.
 */
public enum Mode {
    QUICK("quick",
            // One fork, one 200 ms iteration, one JVM configuration (-jvmArgs turns off the
            // detection of the others), no split compilation: about 45 s for the whole set.
            List.of("-f", "1", "-iters", "1", "-time", "200", "-sc", "false", "-pth", "false",
                    "-jvmArgs", "-Xmx256m -XX:+UseSerialGC"),
            Duration.ofMinutes(10),
            new LincheckRunner.Effort(10, 500, false, Duration.ofSeconds(10))),
    FULL("full",
            List.of("-m", "default"),
            Duration.ofHours(4),
            // Not lincheck's own default (100 x 10,000): the queue's model check costs about 4 ms an
            // invocation here, so that default alone would take over an hour on two cores. 30 x 3,000
            // is 18 times the quick effort and keeps the whole run near half an hour, beside jcstress.
            new LincheckRunner.Effort(Mode.FULL_LINCHECK_ITERATIONS, Mode.FULL_LINCHECK_INVOCATIONS, true, Duration.ofSeconds(30)));

    /** lincheck's iterations (scenarios) in the full run. */
    public static final int FULL_LINCHECK_ITERATIONS = 30;
    /** lincheck's invocations (interleavings or runs) per scenario in the full run. */
    public static final int FULL_LINCHECK_INVOCATIONS = 3_000;

    private final String id;
    private final List<String> jcstressArgs;
    private final Duration jcstressTimeout;
    private final LincheckRunner.Effort lincheck;

    Mode(String id, List<String> jcstressArgs, Duration jcstressTimeout, LincheckRunner.Effort lincheck) {
        this.id = id;
        this.jcstressArgs = jcstressArgs;
        this.jcstressTimeout = jcstressTimeout;
        this.lincheck = lincheck;
    }

    /** The name in summary.json and on the command line. */
    public String id() {
        return id;
    }

    public List<String> jcstressArgs() {
        return jcstressArgs;
    }

    public Duration jcstressTimeout() {
        return jcstressTimeout;
    }

    public LincheckRunner.Effort lincheck() {
        return lincheck;
    }
}
