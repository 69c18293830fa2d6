package io.h1kit.conformance.report;

import io.h1kit.conformance.run.RunResult;

/** The exit-code contract of {@code h1kit conformance}, in words for the reports. */
public final class ExitCodes {
    private ExitCodes() {
    }

    public static String meaning(int code) {
        return switch (code) {
            case RunResult.EXIT_PASS -> "no gating failure";
            case RunResult.EXIT_GATING_FAILURES -> "gating failures (MUST cases; with --strict also SHOULD, hardening and "
                    + "NON-STRICT outcomes; unexpected passes against a baseline)";
            case RunResult.EXIT_USAGE -> "usage or configuration error";
            case RunResult.EXIT_UNREACHABLE -> "a target was unreachable or its baseline case (RL-01 / ECHO-01) failed";
            case RunResult.EXIT_INTERNAL -> "internal error of the suite (a case ended in ERROR)";
            default -> "unknown exit code";
        };
    }

    /** The exit status of several targets: internal error, then unreachable, then failures, then 0. */
    public static int worse(int a, int b) {
        int[] order = {RunResult.EXIT_INTERNAL, RunResult.EXIT_UNREACHABLE, RunResult.EXIT_GATING_FAILURES};
        for (int code : order) {
            if (a == code || b == code) {
                return code;
            }
        }
        return RunResult.EXIT_PASS;
    }
}
