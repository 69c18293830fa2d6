package io.h1kit.gatling.load;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "All Requests" row of a Gatling 3.15 HTML report's statistics table ({@code index.html},
 * tables {@code #container_statistics_head} and {@code _body}): Gatling 3.13+ writes no stats
 * JSON, and its {@code simulation.log} is binary. Columns are found by their header text, not by
 * position. Response times are whole milliseconds; {@code perSecond} is Gatling's "Cnt/s", the
 * count divided by the whole simulation's duration (ramps and pauses included).
 */
record GatlingStats(long total, long ok, long ko, double perSecond, double min, double p50, double p75,
                    double p95, double p99, double max, double mean) {

    /** The header texts of the columns read, as Gatling 3.15.1 writes them. */
    static final List<String> COLUMNS = List.of("Total", "OK", "KO", "Cnt/s", "Min", "50th pct", "75th pct",
            "95th pct", "99th pct", "Max", "Mean");

    static GatlingStats read(Path indexHtml) throws IOException {
        return parse(Jsoup.parse(indexHtml.toFile(), "UTF-8"), indexHtml.toString());
    }

    static GatlingStats parse(String html) throws IOException {
        return parse(Jsoup.parse(html), "the report");
    }

    private static GatlingStats parse(Document doc, String where) throws IOException {
        Element head = doc.getElementById("container_statistics_head");
        if (head == null) {
            throw new IOException(where + " has no statistics table (#container_statistics_head)");
        }
        // The second header row names the columns; each th's id (col-N) is the td's class.
        Map<String, String> classByTitle = new HashMap<>();
        for (Element th : head.select("thead tr th[id]")) {
            classByTitle.put(th.text().strip(), th.id());
        }
        Element all = head.selectFirst("tbody tr#ROOT");
        if (all == null) {
            throw new IOException(where + " has no 'All Requests' row");
        }
        double[] v = new double[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            String title = COLUMNS.get(i);
            String column = classByTitle.get(title);
            if (column == null) {
                throw new IOException(where + ": no column '" + title + "' in the statistics table; found " + classByTitle.keySet());
            }
            Element cell = all.selectFirst("td." + column);
            if (cell == null) {
                throw new IOException(where + ": no cell for '" + title + "'");
            }
            v[i] = number(cell.text());
        }
        return new GatlingStats((long) v[0], (long) v[1], (long) v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    /** Gatling writes "-" where there is nothing to measure (no OK request), and may group digits. */
    static double number(String text) {
        String t = text.strip().replace(",", "");
        if (t.isEmpty() || t.equals("-")) {
            return 0;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
