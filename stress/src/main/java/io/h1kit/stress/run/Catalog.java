package io.h1kit.stress.run;

import io.h1kit.stress.lincheck.BoundedQueueHandOffTest;
import io.h1kit.stress.lincheck.BoundedQueueOperationsTest;
import io.h1kit.stress.lincheck.BufferPoolOperationsTest;
import io.h1kit.stress.lincheck.ConnectionsShutdownTest;
import io.h1kit.stress.lincheck.HandOffOperationsTest;
import io.h1kit.stress.lincheck.StatisticsCountTest;
import io.h1kit.stress.lincheck.WorkerPoolSubmitShutdownTest;
import io.h1kit.stress.run.LincheckResult.Strategy;
import org.jetbrains.lincheck.datastructures.Options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.h1kit.stress.run.LincheckResult.Strategy.MODEL_CHECKING;
import static io.h1kit.stress.run.LincheckResult.Strategy.STRESS;

/**
 * Every implementation the suite checks, real or flawed, and the checks that must pass it (real)
 * or catch it (flawed). This is the expectation list of summary.json: add a structure here, with
 * its jcstress and lincheck tests, when a later stage adds one (scoreboard).
 */
public final class Catalog {
    private static final String JCSTRESS = "io.h1kit.stress.jcstress.";
    /** Why a stage-4 structure has no lincheck stress check. */
    private static final String MODEL_CHECKED = "no lincheck stress check: the model checker drives this "
            + "structure, and explores its interleavings, which stress mode only samples, at a fraction "
            + "of the quick run's time";
    /** Why a jcstress check of a stage-4 flawed copy is reported only. */
    private static final String JCSTRESS_BY_CHANCE = "jcstress is reported only: a quick 200 ms run on two "
            + "shared cores sees these races in thousands of samples one run and in none the next (the windows "
            + "are nanoseconds); lincheck's model checker finds the interleaving every time";

    private Catalog() {
    }

    /** Whether an implementation is the real structure or a copy with a bug. */
    public enum Variant {
        FIXED("fixed"), FLAWED("flawed");

        private final String id;

        Variant(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public enum Tool { JCSTRESS, LINCHECK }

    /**
     * One check of one implementation.
     *
     * @param test     the jcstress test's full name, or the lincheck test's ({@code Outer.Inner})
     * @param strategy lincheck's strategy; null for jcstress
     * @param required for a flawed implementation: whether this check must catch it, or is only
     *                 reported (a race that real threads hit by chance); a real one must pass all
     */
    public record Check(Tool tool, String test, Strategy strategy, boolean required) {
        public String label() {
            return tool == Tool.JCSTRESS ? "jcstress " + test : "lincheck " + test + " (" + strategy.id() + ")";
        }
    }

    /**
     * @param subject        the structure (BoundedQueue, WorkerPool, ...)
     * @param implementation the class checked
     * @param bug            for a flawed one, what is wrong with it; empty for a real one
     * @param note           why a check is missing, if one is
     */
    public record Implementation(String subject, Variant variant, String implementation, String bug,
                                 List<Check> checks, String note) {
    }

    /** A lincheck test class and what it adds to the options (its specification and scenarios). */
    public record LincheckTest(String name, Class<?> testClass, Consumer<Options<?, ?>> configure) {
    }

    public static List<Implementation> implementations() {
        List<Implementation> all = new ArrayList<>();
        all.add(fixed("BoundedQueue", "io.h1kit.server.BoundedQueue", "",
                jcstress("BoundedQueueOfferTest.Fixed"), jcstress("BoundedQueuePollOfferTest.Fixed"),
                jcstress("BoundedQueueBlockedTakeTest.Fixed"), jcstress("BoundedQueueCloseTest.Fixed"),
                lincheck("BoundedQueueOperationsTest.Fixed", MODEL_CHECKING),
                lincheck("BoundedQueueOperationsTest.Fixed", STRESS),
                lincheck("BoundedQueueHandOffTest.Fixed", MODEL_CHECKING),
                lincheck("BoundedQueueHandOffTest.Fixed", STRESS)));
        all.add(flawed("BoundedQueue", "io.h1kit.stress.flawed.CheckThenActQueue",
                "check-then-act: offer checks for room, releases the lock, then inserts", "",
                jcstress("BoundedQueueOfferTest.FlawedCheckThenAct"),
                lincheck("BoundedQueueOperationsTest.FlawedCheckThenAct", MODEL_CHECKING),
                reportOnly(lincheck("BoundedQueueOperationsTest.FlawedCheckThenAct", STRESS))));
        all.add(flawed("BoundedQueue", "io.h1kit.stress.flawed.SingleConditionQueue",
                "one condition and signal() (notify) where two conditions are needed: a lost wake-up, then a deadlock",
                "jcstress tests have two actors on two cores; the lost wake-up needs three threads",
                lincheck("BoundedQueueHandOffTest.FlawedSingleCondition", MODEL_CHECKING),
                reportOnly(lincheck("BoundedQueueHandOffTest.FlawedSingleCondition", STRESS))));
        all.add(fixed("WorkerPool", "io.h1kit.threadpool.WorkerPool",
                "lincheck 3.7's model checker cannot drive a pool whose workers start in its constructor "
                        + "and outlive the operations (the invocation hangs inside lincheck); stress mode and "
                        + "jcstress cover it",
                jcstress("WorkerPoolShutdownTest.Fixed"),
                lincheck("WorkerPoolSubmitShutdownTest.Fixed", STRESS)));
        all.add(flawed("WorkerPool", "io.h1kit.stress.flawed.FlagWorkerPool",
                "a plain (non-volatile) shutdown flag beside the queue: idle workers never see it; "
                        + "submit checks it apart from the offer and loses tasks",
                "no model checking, as for the real pool; the lost task is a stress race, reported only",
                jcstress("WorkerPoolShutdownTest.FlawedPlainFlag"),
                reportOnly(lincheck("WorkerPoolSubmitShutdownTest.FlawedPlainFlag", STRESS))));
        all.add(fixed("Statistics", "io.h1kit.server.Statistics", "",
                jcstress("StatisticsResponseTest.Fixed"),
                lincheck("StatisticsCountTest.Fixed", MODEL_CHECKING),
                lincheck("StatisticsCountTest.Fixed", STRESS)));
        all.add(flawed("Statistics", "io.h1kit.stress.flawed.RacyStatistics",
                "a racy counter: long fields incremented with ++", "",
                jcstress("StatisticsResponseTest.FlawedRacyCounter"),
                lincheck("StatisticsCountTest.FlawedRacyCounter", MODEL_CHECKING),
                reportOnly(lincheck("StatisticsCountTest.FlawedRacyCounter", STRESS))));
        all.add(fixed("LogSink", "io.h1kit.server.StreamLogSink (LogSink.to)", "",
                jcstress("LogSinkLineTest.Fixed")));
        all.add(fixed("LogSink", "io.h1kit.server.AsyncLogSink", "",
                jcstress("LogSinkLineTest.FixedAsync")));
        all.add(flawed("LogSink", "io.h1kit.stress.flawed.TornLogSink",
                "a line written in two writes with no lock held across them: torn lines", "",
                jcstress("LogSinkLineTest.FlawedTwoWrites")));
        all.add(fixed("Connections", "io.h1kit.server.Connections",
                "lincheck 3.7's model checker reports non-determinism for the real class (a socket and a "
                        + "thread made per test instance); stress mode covers it",
                lincheck("ConnectionsShutdownTest.Fixed", STRESS)));
        all.add(flawed("Connections", "io.h1kit.stress.flawed.LockOrderConnections",
                "two locks taken in opposite orders by close and shutdown: a deadlock", "",
                lincheck("ConnectionsShutdownTest.FlawedLockOrder", MODEL_CHECKING),
                reportOnly(lincheck("ConnectionsShutdownTest.FlawedLockOrder", STRESS))));
        all.add(fixed("BufferPool", "io.h1kit.eventloop.BufferPool", MODEL_CHECKED,
                jcstress("BufferPoolAcquireTest.Fixed"), jcstress("BufferPoolReleaseTest.Fixed"),
                lincheck("BufferPoolOperationsTest.Fixed", MODEL_CHECKING)));
        all.add(flawed("BufferPool", "io.h1kit.stress.flawed.CheckThenActBufferPool",
                "check-then-act: release checks for room, releases the lock, then pushes: the pool grows past maxPooled",
                JCSTRESS_BY_CHANCE, reportOnly(jcstress("BufferPoolReleaseTest.FlawedCheckThenAct")),
                lincheck("BufferPoolOperationsTest.FlawedCheckThenAct", MODEL_CHECKING)));
        all.add(flawed("BufferPool", "io.h1kit.stress.flawed.RacyCounterBufferPool",
                "a racy leak counter: acquired and released counted with ++ outside the lock",
                JCSTRESS_BY_CHANCE, reportOnly(jcstress("BufferPoolAcquireTest.FlawedRacyCounter")),
                reportOnly(jcstress("BufferPoolReleaseTest.FlawedRacyCounter")),
                lincheck("BufferPoolOperationsTest.FlawedRacyCounter", MODEL_CHECKING)));
        all.add(fixed("HandOff", "io.h1kit.eventloop.HandOff", MODEL_CHECKED,
                jcstress("HandOffWakeUpTest.Fixed"), jcstress("HandOffOfferPollTest.Fixed"),
                lincheck("HandOffOperationsTest.Fixed", MODEL_CHECKING)));
        all.add(flawed("HandOff", "io.h1kit.stress.flawed.LateFlagHandOff",
                "a lost wake-up: the loop checks for items, then marks itself asleep",
                JCSTRESS_BY_CHANCE, reportOnly(jcstress("HandOffWakeUpTest.FlawedLateFlag")),
                lincheck("HandOffOperationsTest.FlawedLateFlag", MODEL_CHECKING)));
        all.add(flawed("HandOff", "io.h1kit.stress.flawed.EarlyCheckHandOff",
                "a lost wake-up: the producer reads the loop's sleeping mark before it publishes the item",
                JCSTRESS_BY_CHANCE, reportOnly(jcstress("HandOffWakeUpTest.FlawedEarlyCheck")),
                lincheck("HandOffOperationsTest.FlawedEarlyCheck", MODEL_CHECKING)));
        all.add(flawed("HandOff", "io.h1kit.stress.flawed.SingleProducerHandOff",
                "a single-producer ring offered to by two producers: both write one slot, a connection is lost",
                JCSTRESS_BY_CHANCE, reportOnly(jcstress("HandOffOfferPollTest.FlawedSingleProducer")),
                lincheck("HandOffOperationsTest.FlawedSingleProducer", MODEL_CHECKING)));
        return all;
    }

    /** The lincheck test classes, by the name the checks use. */
    public static Map<String, LincheckTest> lincheckTests() {
        Map<String, LincheckTest> tests = new LinkedHashMap<>();
        add(tests, BoundedQueueOperationsTest.Fixed.class, BoundedQueueOperationsTest::configure);
        add(tests, BoundedQueueOperationsTest.FlawedCheckThenAct.class, BoundedQueueOperationsTest::configure);
        add(tests, BoundedQueueHandOffTest.Fixed.class, BoundedQueueHandOffTest::configure);
        add(tests, BoundedQueueHandOffTest.FlawedSingleCondition.class, BoundedQueueHandOffTest::configure);
        add(tests, StatisticsCountTest.Fixed.class, StatisticsCountTest::configure);
        add(tests, StatisticsCountTest.FlawedRacyCounter.class, StatisticsCountTest::configure);
        add(tests, WorkerPoolSubmitShutdownTest.Fixed.class, WorkerPoolSubmitShutdownTest::configure);
        add(tests, WorkerPoolSubmitShutdownTest.FlawedPlainFlag.class, WorkerPoolSubmitShutdownTest::configure);
        add(tests, ConnectionsShutdownTest.Fixed.class, ConnectionsShutdownTest::configure);
        add(tests, ConnectionsShutdownTest.FlawedLockOrder.class, ConnectionsShutdownTest::configure);
        add(tests, BufferPoolOperationsTest.Fixed.class, BufferPoolOperationsTest::configure);
        add(tests, BufferPoolOperationsTest.FlawedCheckThenAct.class, BufferPoolOperationsTest::configure);
        add(tests, BufferPoolOperationsTest.FlawedRacyCounter.class, BufferPoolOperationsTest::configure);
        add(tests, HandOffOperationsTest.Fixed.class, HandOffOperationsTest::configure);
        add(tests, HandOffOperationsTest.FlawedLateFlag.class, HandOffOperationsTest::configure);
        add(tests, HandOffOperationsTest.FlawedEarlyCheck.class, HandOffOperationsTest::configure);
        add(tests, HandOffOperationsTest.FlawedSingleProducer.class, HandOffOperationsTest::configure);
        return tests;
    }

    /** The regular expression that selects every jcstress test of the catalog. */
    public static String jcstressSelection() {
        return "^" + JCSTRESS.replace(".", "\\.");
    }

    private static void add(Map<String, LincheckTest> tests, Class<?> testClass, Consumer<Options<?, ?>> configure) {
        String name = testClass.getEnclosingClass().getSimpleName() + "." + testClass.getSimpleName();
        tests.put(name, new LincheckTest(name, testClass, configure));
    }

    private static Implementation fixed(String subject, String implementation, String note, Check... checks) {
        return new Implementation(subject, Variant.FIXED, implementation, "", List.of(checks), note);
    }

    private static Implementation flawed(String subject, String implementation, String bug, String note,
                                         Check... checks) {
        return new Implementation(subject, Variant.FLAWED, implementation, bug, List.of(checks), note);
    }

    private static Check jcstress(String test) {
        return new Check(Tool.JCSTRESS, JCSTRESS + test, null, true);
    }

    private static Check lincheck(String test, Strategy strategy) {
        return new Check(Tool.LINCHECK, test, strategy, true);
    }

    private static Check reportOnly(Check check) {
        return new Check(check.tool(), check.test(), check.strategy(), false);
    }
}
