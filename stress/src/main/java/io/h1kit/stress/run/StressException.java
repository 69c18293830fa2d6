package io.h1kit.stress.run;

/** The stress run itself broke (a tool did not run, or left nothing to read): exit status 4. */
public final class StressException extends RuntimeException {
    public StressException(String message) {
        super(message);
    }
}
