package io.h1kit.reports.html;

/**
 * A small XHTML-compatible writer: every element is closed, every text and attribute escaped, so
 * the page parses as XML. Attributes are name, value pairs; a null value leaves the attribute out.
 * Not thread-safe.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        open(tag, attributes);
        text(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with no content, written {@code <tag/>}. */
    Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    Html text(String text) {
        out.append(escape(text == null ? "" : text));
        return this;
    }

    /** Markup made by this package (the charts), already escaped. */
    Html markup(String markup) {
        out.append(markup).append('\n');
        return this;
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
