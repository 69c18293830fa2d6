package io.h1kit.gatling.load;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The /proc parsers on text recorded from a running stage 4 JVM (Linux 6.x). */
class ProcFilesTest {
    /** /proc/PID/stat of a java process: utime 412, stime 37. */
    private static final String STAT = "81234 (java) S 81200 81234 81200 0 -1 4194560 21016 0 2 0 412 37 0 0 20 0 "
            + "23 0 5512345 3917316096 13456 18446744073709551615 94846 94918 140731 0 0 0 0 16781312 16386 0 0 0 17 1 0 0 0 0 0\n";

    /** The command name may hold spaces and parentheses: fields are counted after the last ')'. */
    private static final String STAT_ODD_NAME = "77 (a) b (c) R 1 77 77 0 -1 4194304 10 0 0 0 5 6 0 0 20 0 1 0 100 1000 10\n";

    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            Tgid:\t81234
            Pid:\t81234
            PPid:\t81200
            VmPeak:\t 3917320 kB
            VmSize:\t 3917316 kB
            VmHWM:\t   54012 kB
            VmRSS:\t   53824 kB
            RssAnon:\t   31240 kB
            Threads:\t23
            voluntary_ctxt_switches:\t3
            """;

    @Test
    void cpuTicksAreUtimePlusStime() {
        assertEquals(OptionalLong.of(412 + 37), ProcFiles.cpuTicks(STAT));
        assertEquals(OptionalLong.of(5 + 6), ProcFiles.cpuTicks(STAT_ODD_NAME));
    }

    @Test
    void aTruncatedStatGivesNothing() {
        assertEquals(OptionalLong.empty(), ProcFiles.cpuTicks("81234 (java) S 1 2"));
        assertEquals(OptionalLong.empty(), ProcFiles.cpuTicks(""));
    }

    @Test
    void rssIsInBytesAndThreadsAreCounted() {
        assertEquals(OptionalLong.of(53824L * 1024), ProcFiles.rssBytes(STATUS));
        assertEquals(OptionalLong.of(23), ProcFiles.threads(STATUS));
    }

    @Test
    void aKernelThreadHasNoRss() {
        assertEquals(OptionalLong.empty(), ProcFiles.rssBytes("Name:\tkthreadd\nThreads:\t1\n"));
    }

    @Test
    void numbersAreDigitsOnly() {
        assertEquals(OptionalLong.empty(), ProcFiles.number("+5"));
        assertEquals(OptionalLong.empty(), ProcFiles.number("-1"));
        assertEquals(OptionalLong.empty(), ProcFiles.number("1234567890123456789"));
        assertEquals(OptionalLong.of(42), ProcFiles.number("42"));
    }
}
