package io.h1kit.stress.run;

/** The two HTML pages of a run, as plain strings: no script, no inline style, every value escaped. */
final class Html {
    static final String CSS = """
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin-bottom: 2em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            .ok { color: #1a7f37; font-weight: bold; }
            .bad { color: #cf222e; font-weight: bold; }
            pre { background: #f6f8fa; padding: 1em; overflow-x: auto; font-size: 0.8em; }
            """;

    private Html() {
    }

    static String index(Summary s) {
        StringBuilder b = page("h1kit stress: " + s.mode());
        b.append("<h1>h1kit stress (").append(esc(s.mode())).append(")</h1>\n<p>Verdict: ")
                .append(verdict(s.ok(), s.ok() ? "ok" : "failed")).append(" &middot; started ").append(esc(s.startedAt()))
                .append(" &middot; ").append(s.durationMillis() / 1000).append(" s &middot; <a href=\"")
                .append(Reports.JCSTRESS_REPORT).append("\">jcstress report</a> &middot; <a href=\"lincheck.html\">lincheck traces</a>")
                .append(" &middot; <a href=\"summary.json\">summary.json</a></p>\n");
        if (!s.problems().isEmpty()) {
            b.append("<h2>Problems</h2>\n<ul>\n");
            s.problems().forEach(p -> b.append("<li>").append(esc(p)).append("</li>\n"));
            b.append("</ul>\n");
        }
        Summary.Jcstress j = s.jcstress();
        b.append("<p>jcstress: ").append(j.tests()).append(" tests, ").append(j.passed()).append(" passed, ")
                .append(j.failed()).append(" with forbidden outcomes, ").append(j.softErrors()).append(" soft and ")
                .append(j.hardErrors()).append(" hard errors. lincheck: ").append(s.lincheck().size()).append(" runs.</p>\n");
        b.append("<h2>Expectations</h2>\n<table>\n<tr><th>subject</th><th>implementation</th><th>variant</th>"
                + "<th>expected</th><th>verdict</th><th>checks</th></tr>\n");
        for (Summary.Expectation e : s.expectations()) {
            b.append("<tr><td>").append(esc(e.subject())).append("</td><td>").append(esc(e.implementation()));
            if (!e.bug().isEmpty()) {
                b.append("<br>").append(esc(e.bug()));
            }
            b.append("</td><td>").append(esc(e.variant())).append("</td><td>")
                    .append(e.variant().equals("fixed") ? "passes every check" : "caught").append("</td><td>")
                    .append(verdict(e.ok(), e.ok() ? "as expected" : "NOT as expected")).append("</td><td><ul>");
            for (Summary.CheckResult c : e.checks()) {
                b.append("<li>").append(esc(c.tool())).append(' ').append(esc(c.test()));
                if (c.mode() != null) {
                    b.append(" (").append(esc(c.mode())).append(')');
                }
                b.append(": <b>").append(esc(c.result())).append("</b>").append(c.required() ? "" : " (reported only)")
                        .append(" &ndash; ").append(esc(c.detail())).append("</li>");
            }
            b.append("</ul>");
            if (!e.note().isEmpty()) {
                b.append("<p>").append(esc(e.note())).append("</p>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
        return end(b);
    }

    static String lincheck(Summary s) {
        StringBuilder b = page("h1kit stress: lincheck");
        b.append("<h1>lincheck runs (").append(esc(s.mode())).append(")</h1>\n<p><a href=\"index.html\">back</a></p>\n")
                .append("<table>\n<tr><th>test</th><th>mode</th><th>result</th><th>ms</th></tr>\n");
        for (Summary.Lincheck l : s.lincheck()) {
            b.append("<tr><td>");
            if (l.trace().isEmpty()) {
                b.append(esc(l.test()));
            } else {
                b.append("<a href=\"#").append(anchor(l)).append("\">").append(esc(l.test())).append("</a>");
            }
            b.append("</td><td>").append(esc(l.mode())).append("</td><td>").append(esc(l.result())).append("</td><td>")
                    .append(l.millis()).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (Summary.Lincheck l : s.lincheck()) {
            if (!l.trace().isEmpty()) {
                b.append("<h2 id=\"").append(anchor(l)).append("\">").append(esc(l.test())).append(" (")
                        .append(esc(l.mode())).append("): ").append(esc(l.result())).append("</h2>\n<p><a href=\"lincheck/")
                        .append(esc(Reports.traceFile(l))).append("\">as text</a></p>\n<pre>").append(esc(l.trace()))
                        .append("</pre>\n");
            }
        }
        return end(b);
    }

    private static String anchor(Summary.Lincheck l) {
        return (l.test() + "-" + l.mode()).replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static String verdict(boolean ok, String text) {
        return "<span class=\"" + (ok ? "ok" : "bad") + "\">" + esc(text) + "</span>";
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n");
    }

    private static String end(StringBuilder b) {
        return b.append("</body>\n</html>\n").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
