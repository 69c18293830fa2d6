package io.h1kit.gatling.load;

import java.util.OptionalLong;

/**
 * Pure parsers of Linux {@code /proc} text, one per file read: no I/O here, so each is tested on
 * recorded text. The reading is in {@link ProcessSampler}.
 */
final class ProcFiles {
    private ProcFiles() {
    }

    /**
     * utime + stime in clock ticks from {@code /proc/PID/stat}. The command name (field 2) is in
     * parentheses and may hold spaces and ')' itself, so fields are counted after the last ')':
     * there, state is field 3, and utime and stime are fields 14 and 15 (proc(5)).
     */
    static OptionalLong cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(close + 1).strip().split(" +");
        // fields[0] is field 3 (state): field n is fields[n - 3]
        if (fields.length < 13) {
            return OptionalLong.empty();
        }
        OptionalLong utime = number(fields[14 - 3]);
        OptionalLong stime = number(fields[15 - 3]);
        if (utime.isEmpty() || stime.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(utime.getAsLong() + stime.getAsLong());
    }

    /** VmRSS from {@code /proc/PID/status}, in bytes (the file says kB, which is KiB). */
    static OptionalLong rssBytes(String status) {
        OptionalLong kib = field(status, "VmRSS:");
        return kib.isPresent() ? OptionalLong.of(kib.getAsLong() * 1024) : kib;
    }

    /** Threads from {@code /proc/PID/status}. */
    static OptionalLong threads(String status) {
        return field(status, "Threads:");
    }

    /** The first number after {@code key} at the start of a line ("VmRSS:\t  52344 kB"). */
    private static OptionalLong field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                String rest = line.substring(key.length()).strip();
                int space = rest.indexOf(' ');
                return number(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return OptionalLong.empty();
    }

    /** A non-negative decimal number, digits only, with the overflow guard written out. */
    static OptionalLong number(String text) {
        if (text.isEmpty() || text.length() > 18) { // 18 digits always fit in a long
            return OptionalLong.empty();
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            n = n * 10 + (c - '0');
        }
        return OptionalLong.of(n);
    }
}
