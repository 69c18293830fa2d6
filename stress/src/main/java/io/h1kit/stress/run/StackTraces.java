package io.h1kit.stress.run;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A throwable's stack trace as text, for reports. */
final class StackTraces {
    private StackTraces() {
    }

    static String of(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString().strip();
    }
}
