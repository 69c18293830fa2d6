package io.h1kit.conformance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules every report.html keeps: no script, no external asset, evidence escaped, details balanced. */
final class HtmlCheck {
    private static final Pattern TAG = Pattern.compile("<[A-Za-z][^>]*>");
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\b(src|href|action|srcset|poster|data)\\s*=\\s*[\"']?([^\"'\\s>]*)",
            Pattern.CASE_INSENSITIVE);

    private HtmlCheck() {
    }

    static void check(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertTrue(lower.startsWith("<!doctype html>"), "an HTML5 document");
        assertFalse(lower.contains("<script"), "no script element");
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            assertFalse(tags.group().matches("(?is).*\\son[a-z]+\\s*=.*"), "no event handler attribute: " + tags.group());
            assertFalse(tags.group().toLowerCase(Locale.ROOT).contains("javascript:"), "no javascript: URL: " + tags.group());
        }
        String css = lower.substring(lower.indexOf("<style>"), lower.indexOf("</style>"));
        assertFalse(css.contains("@import"), "no imported stylesheet");
        assertFalse(css.contains("url("), "no CSS url(): no fetched images or fonts");
        for (String url : urls(html)) {
            assertFalse(url.matches("(?i)^(https?:)?//.*"), "external asset or link: " + url);
            assertTrue(url.startsWith("#") || url.equals("report.css"), "only in-page links and the sibling stylesheet: " + url);
        }
        assertEquals(count(html, "<details"), count(html, "</details>"), "balanced <details>");
        assertEquals(count(html, "<pre"), count(html, "</pre>"), "balanced <pre>");
        assertEquals(count(html, "<table"), count(html, "</table>"), "balanced <table>");
        assertTrue(html.contains("<style>"), "the stylesheet is inline");
    }

    /** The URL attributes of real tags (escaped text such as {@code &lt;a href=...} is no tag). */
    static List<String> urls(String html) {
        List<String> out = new ArrayList<>();
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            Matcher m = URL_ATTRIBUTE.matcher(tags.group());
            while (m.find()) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
