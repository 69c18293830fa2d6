package io.h1kit.conformance.mutants.shim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A message head as text, one char per byte (ISO-8859-1), split into lines that keep their own
 * terminators, so that a rewrite changes exactly the bytes it means to and nothing else. Empty
 * lines before the start-line are kept as they came. Immutable.
 */
public final class HeadText {
    /** One line: its content and its terminator ("\r\n", "\n", or "" for an unterminated last line). */
    public record Line(String content, String terminator) {

        /** A field line "name: value" with a CRLF. */
        public static Line field(String name, String value) {
            return new Line(name + ": " + value, "\r\n");
        }

        /** The text before the first colon, exactly as sent (no trimming), or null without a colon. */
        public String name() {
            int colon = content.indexOf(':');
            return colon < 0 ? null : content.substring(0, colon);
        }

        /** Whether the name, exactly as sent, is {@code name} in any letter case. */
        public boolean named(String name) {
            String own = name();
            return own != null && own.equalsIgnoreCase(name);
        }

        /** The value with the optional whitespace around it removed (RFC 9110 §5.5). */
        public String value() {
            int colon = content.indexOf(':');
            return colon < 0 ? "" : trimOws(content.substring(colon + 1));
        }

        /** The same line with another value. */
        public Line withValue(String value) {
            return new Line(name() + ": " + value, terminator);
        }

        /** An obs-fold continuation line (RFC 9112 §5.2): it starts with SP or HTAB. */
        public boolean continuation() {
            return !content.isEmpty() && (content.charAt(0) == ' ' || content.charAt(0) == '\t');
        }

        @Override
        public String toString() {
            return content + terminator;
        }
    }

    /** How a message's body is delimited, as far as the shim needs to know. */
    public record Framing(Kind kind, long length) {
        public enum Kind { NONE, LENGTH, CHUNKED, UNTIL_CLOSE, UNKNOWN }

        static final Framing NONE = new Framing(Kind.NONE, 0);
        static final Framing CHUNKED = new Framing(Kind.CHUNKED, -1);
        static final Framing UNTIL_CLOSE = new Framing(Kind.UNTIL_CLOSE, -1);
        static final Framing UNKNOWN = new Framing(Kind.UNKNOWN, -1);
    }

    private final List<Line> lines;
    private final int start;

    private HeadText(List<Line> lines) {
        this.lines = List.copyOf(lines);
        int s = 0;
        while (s < this.lines.size() - 1 && this.lines.get(s).content().isEmpty()) {
            s++;
        }
        this.start = s;
    }

    public static HeadText of(String text) {
        List<Line> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int lf = text.indexOf('\n', from);
            if (lf < 0) {
                lines.add(new Line(text.substring(from), ""));
                break;
            }
            boolean cr = lf > from && text.charAt(lf - 1) == '\r';
            lines.add(new Line(text.substring(from, cr ? lf - 1 : lf), cr ? "\r\n" : "\n"));
            from = lf + 1;
        }
        return new HeadText(lines);
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(sb::append);
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    public String startLine() {
        return lines.isEmpty() ? "" : lines.get(start).content();
    }

    /** The request method: the start-line up to its first SP. */
    public String method() {
        String line = startLine();
        int sp = line.indexOf(' ');
        return sp < 0 ? line : line.substring(0, sp);
    }

    /** The field lines: between the start-line and the empty line that ends the head. */
    public List<Line> fields() {
        int end = lines.size();
        if (end > start + 1 && lines.get(end - 1).content().isEmpty()) {
            end--;
        }
        return lines.subList(Math.min(start + 1, end), end);
    }

    /** The values of the field lines with this name, in order. */
    public List<String> values(String name) {
        return fields().stream().filter(l -> l.named(name)).map(Line::value).toList();
    }

    /** Replaces each field line with what {@code edit} returns; null drops the line. */
    public HeadText mapFields(Function<Line, Line> edit) {
        List<Line> out = new ArrayList<>(lines.subList(0, start + 1));
        for (Line field : fields()) {
            Line edited = edit.apply(field);
            if (edited != null) {
                out.add(edited);
            }
        }
        out.addAll(lines.subList(start + 1 + fields().size(), lines.size()));
        return new HeadText(out);
    }

    /** Adds a field line right after the start-line. */
    public HeadText withFieldFirst(Line field) {
        List<Line> out = new ArrayList<>(lines);
        out.add(start + 1, field);
        return new HeadText(out);
    }

    /** Replaces the start-line's content. */
    public HeadText withStartLine(String content) {
        List<Line> out = new ArrayList<>(lines);
        out.set(start, new Line(content, lines.get(start).terminator()));
        return new HeadText(out);
    }

    /**
     * How a request's body is delimited (RFC 9112 §6.3): chunked when Transfer-Encoding's last
     * coding is chunked; by Content-Length when every element of every line agrees; none
     * without either; unknown otherwise (the server rejects such a request, or the shim cannot
     * follow it, and passes the rest on unchanged).
     */
    public Framing requestFraming() {
        List<String> te = values("Transfer-Encoding");
        if (!te.isEmpty()) {
            return lastCodingIsChunked(te) ? Framing.CHUNKED : Framing.UNKNOWN;
        }
        List<String> cl = values("Content-Length");
        return cl.isEmpty() ? Framing.NONE : contentLength(cl);
    }

    /**
     * How a response's body is delimited (RFC 9112 §6.3): none for a HEAD request, 1xx, 204 and
     * 304; chunked; Content-Length; otherwise until the server closes.
     */
    public Framing responseFraming(boolean toHead) {
        int status = status();
        if (toHead || status / 100 == 1 || status == 204 || status == 304) {
            return Framing.NONE;
        }
        List<String> te = values("Transfer-Encoding");
        if (!te.isEmpty()) {
            return lastCodingIsChunked(te) ? Framing.CHUNKED : Framing.UNTIL_CLOSE;
        }
        List<String> cl = values("Content-Length");
        if (cl.isEmpty()) {
            return Framing.UNTIL_CLOSE;
        }
        Framing framing = contentLength(cl);
        return framing.kind() == Framing.Kind.UNKNOWN ? Framing.UNTIL_CLOSE : framing;
    }

    /** A response's status code, or -1 when the start-line is not a status-line. */
    public int status() {
        String[] parts = startLine().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
            return -1;
        }
        return Integer.parseInt(parts[1]);
    }

    private static boolean lastCodingIsChunked(List<String> te) {
        String[] codings = String.join(",", te).split(",");
        for (int i = codings.length - 1; i >= 0; i--) {
            String coding = trimOws(codings[i]);
            if (!coding.isEmpty()) {
                return coding.toLowerCase(Locale.ROOT).equals("chunked");
            }
        }
        return false;
    }

    private static Framing contentLength(List<String> values) {
        long length = -1;
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                String digits = trimOws(element);
                if (!digits.matches("[0-9]{1,18}")) {
                    return Framing.UNKNOWN;
                }
                long n = Long.parseLong(digits);
                if (length >= 0 && n != length) {
                    return Framing.UNKNOWN;
                }
                length = n;
            }
        }
        return length == 0 ? Framing.NONE : new Framing(Framing.Kind.LENGTH, length);
    }

    static String trimOws(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }
}
