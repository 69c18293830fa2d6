package io.h1kit.reports.html;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Inline SVG charts drawn by hand: presentation attributes only (no style attribute, no script,
 * no external resource), so they render under Jenkins' default Content-Security-Policy. Each chart
 * has a {@code <title>} and a {@code <desc>} for screen readers, and each bar or point its own
 * {@code <title>} with the exact figure. Heights and positions are linear in the data from zero.
 */
final class Charts {
    static final int WIDTH = 560; // two charts side by side in the page's 1,200 pixels
    static final int HEIGHT = 300;
    static final int LEFT = 72;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 64;
    static final double PLOT_W = WIDTH - LEFT - RIGHT;
    static final double PLOT_H = HEIGHT - TOP - BOTTOM;
    /** Colour-blind-safe palette (Okabe and Ito). */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
            "#D55E00", "#F0E442", "#000000");

    record Point(double x, double y) {
    }

    record Series(String name, List<Point> points) {
    }

    private Charts() {
    }

    /**
     * A line per series over categorical x values (the concurrency levels, equally spaced and
     * labelled, since sweeps double their clients).
     */
    static String lines(String id, String title, String xLabel, String yLabel, List<Double> xs, List<Series> series,
                        DoubleFunction<String> format) {
        double max = niceMax(series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).max().orElse(0));
        StringBuilder svg = start(id, title, "Line chart: " + yLabel + " against " + xLabel + ", one line per target.");
        axes(svg, max, yLabel, format);
        double step = xs.size() > 1 ? PLOT_W / (xs.size() - 1) : 0;
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.size() > 1 ? LEFT + i * step : LEFT + PLOT_W / 2;
            text(svg, x, TOP + PLOT_H + 16, "middle", Format.count(xs.get(i)));
        }
        text(svg, LEFT + PLOT_W / 2, TOP + PLOT_H + 34, "middle", xLabel);
        for (int s = 0; s < series.size(); s++) {
            String colour = PALETTE.get(s % PALETTE.size());
            StringBuilder pts = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Point p : series.get(s).points()) {
                int i = xs.indexOf(p.x());
                double x = xs.size() > 1 ? LEFT + i * step : LEFT + PLOT_W / 2;
                double y = TOP + PLOT_H - height(p.y(), max);
                pts.append(Format.coord(x)).append(',').append(Format.coord(y)).append(' ');
                dots.append("<circle cx=\"").append(Format.coord(x)).append("\" cy=\"").append(Format.coord(y))
                        .append("\" r=\"3.5\" fill=\"").append(colour).append("\"><title>")
                        .append(Html.escape(series.get(s).name() + " at " + Format.count(p.x()) + ": "
                                + format.apply(p.y()))).append("</title></circle>");
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(pts.toString().strip()).append("\"/>").append(dots);
        }
        legend(svg, series.stream().map(Series::name).toList());
        return svg.append("</svg>").toString();
    }

    /** Groups of bars: one group per label, one bar per series in each. */
    static String groupedBars(String id, String title, String yLabel, List<String> groups, List<String> seriesNames,
                              double[][] values, DoubleFunction<String> format) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        max = niceMax(max);
        StringBuilder svg = start(id, title, "Bar chart: " + yLabel + ", grouped by target, one bar per "
                + String.join(", ", seriesNames) + ".");
        axes(svg, max, yLabel, format);
        double groupW = PLOT_W / groups.size();
        double barW = Math.min(48, groupW * 0.8 / seriesNames.size());
        for (int g = 0; g < groups.size(); g++) {
            double x0 = LEFT + g * groupW + (groupW - barW * seriesNames.size()) / 2;
            for (int s = 0; s < seriesNames.size(); s++) {
                bar(svg, x0 + s * barW, barW - 2, values[g][s], max, PALETTE.get(s % PALETTE.size()),
                        groups.get(g) + " " + seriesNames.get(s) + ": " + format.apply(values[g][s]));
            }
            text(svg, LEFT + g * groupW + groupW / 2, TOP + PLOT_H + 16, "middle", groups.get(g));
        }
        if (seriesNames.size() > 1) {
            legend(svg, seriesNames);
        }
        return svg.append("</svg>").toString();
    }

    /** One bar per label. */
    static String bars(String id, String title, String yLabel, List<String> labels, double[] values,
                       DoubleFunction<String> format) {
        double[][] grouped = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            grouped[i] = new double[]{values[i]};
        }
        return groupedBars(id, title, yLabel, labels, List.of(yLabel), grouped, format);
    }

    /** The drawn height of a value on an axis from 0 to max. */
    static double height(double value, double max) {
        return max <= 0 ? 0 : Math.max(0, value) / max * PLOT_H;
    }

    /** The axis' top: a whole number (at most five) of nice steps, at least v. */
    static double niceMax(double v) {
        if (v <= 0) {
            return 1; // an all-zero chart: an axis from 0 to 1 with every bar flat
        }
        double step = step(v);
        return Math.ceil(v / step - 1e-9) * step;
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least a fifth of v, so that ticks read as round numbers. */
    static double step(double v) {
        if (v <= 0) {
            return 0.25;
        }
        double fifth = v / 5;
        double p = Math.pow(10, Math.floor(Math.log10(fifth)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * p >= fifth - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static StringBuilder start(String id, String title, String desc) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" aria-labelledby=\"").append(id).append("-t ").append(id)
                .append("-d\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<title id=\"").append(id).append("-t\">").append(Html.escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(Html.escape(desc)).append("</desc>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>");
        return svg;
    }

    private static void axes(StringBuilder svg, double max, String yLabel, DoubleFunction<String> format) {
        double step = step(max);
        int ticks = (int) Math.round(max / step);
        for (int i = 0; i <= ticks; i++) {
            double v = step * i;
            double y = TOP + PLOT_H - height(v, max);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(Format.coord(y)).append("\" y2=\"").append(Format.coord(y))
                    .append("\" stroke=\"").append(i == 0 ? "#444444" : "#dddddd").append("\"/>");
            text(svg, LEFT - 6, y + 4, "end", format.apply(v));
        }
        svg.append("<text x=\"14\" y=\"").append(Format.coord(TOP + PLOT_H / 2))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(Format.coord(TOP + PLOT_H / 2)).append(")\">").append(Html.escape(yLabel)).append("</text>");
    }

    private static void bar(StringBuilder svg, double x, double w, double value, double max, String colour,
                            String label) {
        double h = height(value, max);
        svg.append("<rect class=\"bar\" x=\"").append(Format.coord(x)).append("\" y=\"")
                .append(Format.coord(TOP + PLOT_H - h)).append("\" width=\"").append(Format.coord(w))
                .append("\" height=\"").append(Format.coord(h)).append("\" fill=\"").append(colour)
                .append("\"><title>").append(Html.escape(label)).append("</title></rect>");
    }

    private static void legend(StringBuilder svg, List<String> names) {
        double x = LEFT;
        double y = HEIGHT - 14;
        for (int i = 0; i < names.size(); i++) {
            svg.append("<rect x=\"").append(Format.coord(x)).append("\" y=\"").append(Format.coord(y - 9))
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(PALETTE.get(i % PALETTE.size()))
                    .append("\"/>");
            text(svg, x + 14, y, "start", names.get(i));
            x += 24 + 7 * names.get(i).length();
        }
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append("<text x=\"").append(Format.coord(x)).append("\" y=\"").append(Format.coord(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(Html.escape(text)).append("</text>");
    }
}
