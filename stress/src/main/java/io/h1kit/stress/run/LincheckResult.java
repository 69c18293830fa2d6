package io.h1kit.stress.run;

/**
 * What one lincheck run came to.
 *
 * @param test   the test class's name in the catalog ({@code BoundedQueueOperationsTest.Fixed})
 * @param trace  lincheck's failure report, or the stack trace of an error; empty when it passed
 * @param millis how long it took
 */
public record LincheckResult(String test, Strategy strategy, Outcome outcome, String trace, long millis) {

    /** lincheck's two ways of looking for a bug. */
    public enum Strategy {
        /** Every interleaving of the scenario's threads, up to a bound, in one real thread at a time. */
        MODEL_CHECKING("model-checking"),
        /** The scenario on real threads, many times. */
        STRESS("stress");

        private final String id;

        Strategy(String id) {
            this.id = id;
        }

        /** The name in summary.json. */
        public String id() {
            return id;
        }
    }

    /** A failure is lincheck's verdict on the structure; an error is the test's own fault. */
    public enum Outcome { PASSED, FAILED, ERROR }
}
