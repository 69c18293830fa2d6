package io.h1kit.reports.html;

import java.util.Locale;

/** How figures are written in the report: English grouping, units spelled out. */
final class Format {
    private Format() {
    }

    static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Milliseconds: whole ones as Gatling records them, one decimal otherwise. */
    static String ms(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    static String decimal(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d B", bytes);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", v);
    }

    /** A signed change as a percentage, {@code +12.5 %}. */
    static String change(double fraction) {
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }

    /** SVG coordinates: two decimals, a dot. */
    static String coord(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
