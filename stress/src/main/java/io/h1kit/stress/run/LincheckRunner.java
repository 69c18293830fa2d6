package io.h1kit.stress.run;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.util.LoggingLevel;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs one lincheck test class with one strategy and says what came of it: passed, failed (with
 * lincheck's report: the scenario, the results, and for model checking the interleaving), or an
 * error of the test itself. Runs in the calling thread; lincheck attaches its agent on first use.
 */
public final class LincheckRunner {
    private LincheckRunner() {
    }

    /**
     * How hard to look: scenarios, runs of each, whether to shrink a failing scenario, and how long
     * a stress invocation may take before lincheck calls it hung (the model checker finds hangs by
     * itself, without waiting).
     */
    public record Effort(int iterations, int invocationsPerIteration, boolean minimizeFailedScenario,
                         Duration hangTimeout) {
    }

    /** StressOptions with the hang timeout set (lincheck's default waits 30 s for each hang). */
    private static final class TimedStressOptions extends StressOptions {
        TimedStressOptions(Duration hangTimeout) {
            setTimeoutMs(hangTimeout.toMillis());
        }
    }

    public static LincheckResult run(String test, Class<?> testClass, Consumer<Options<?, ?>> configure,
                                     LincheckResult.Strategy strategy, Effort effort) {
        Options<?, ?> options = switch (strategy) {
            case MODEL_CHECKING -> new ModelCheckingOptions();
            case STRESS -> new TimedStressOptions(effort.hangTimeout());
        };
        options.iterations(effort.iterations())
                .invocationsPerIteration(effort.invocationsPerIteration())
                .minimizeFailedScenario(effort.minimizeFailedScenario())
                .logLevel(LoggingLevel.OFF);
        configure.accept(options);
        long start = System.nanoTime();
        try {
            options.check(testClass);
            return new LincheckResult(test, strategy, LincheckResult.Outcome.PASSED, "", millisSince(start));
        } catch (LincheckAssertionError e) {
            return new LincheckResult(test, strategy, LincheckResult.Outcome.FAILED, e.getMessage().strip(),
                    millisSince(start));
        } catch (RuntimeException | Error e) {
            return new LincheckResult(test, strategy, LincheckResult.Outcome.ERROR, StackTraces.of(e), millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
