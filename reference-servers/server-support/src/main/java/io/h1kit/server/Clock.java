package io.h1kit.server;

/**
 * The time source of a server: a monotonic reading for deadlines and the wall-clock time for
 * {@code Date} and logs. Injected, so timeout logic can be tested by moving a fake clock.
 */
public interface Clock {

    /** A monotonic time in milliseconds, for deadlines; only differences are meaningful. */
    long monotonicMillis();

    /** Wall-clock milliseconds since the epoch. */
    long epochMillis();

    default long epochSecond() {
        return Math.floorDiv(epochMillis(), 1000);
    }

    /** The real clock. */
    Clock SYSTEM = new Clock() {
        @Override
        public long monotonicMillis() {
            return System.nanoTime() / 1_000_000;
        }

        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }
    };
}
