package io.h1kit.conformance.report;

import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.html: self-contained, script-free, and complete for every case. */
class HtmlReportTest {

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Test
    void aFullSessionKeepsTheRules() {
        HtmlCheck.check(HtmlReport.render(Synthetic.session()));
    }

    @Test
    void markupInReceivedBytesIsEscapedNotRendered() {
        String html = HtmlReport.render(Synthetic.single(Synthetic.everyVerdict("t", false)));
        HtmlCheck.check(html);
        assertFalse(html.contains("<script>alert(1)</script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the escaped text view shows it");
        assertTrue(html.contains("3c 73 63 72 69 70 74 3e"), "the hex dump shows <script> as bytes");
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "lint messages are escaped");
        assertTrue(html.contains("a\\x00\u00e9&lt;b&gt;"), "facts: NUL escaped, Latin-1 kept, markup escaped");
        assertTrue(html.contains("Größe ✓ and a NUL \\x00 in a title"), "non-ASCII titles as text; NUL escaped");
        assertFalse(html.contains("\u0000"), "no raw NUL anywhere");
    }

    @Test
    void everyCaseIsThereWithItsEvidenceAndRerunCommand() {
        RunResult run = Synthetic.everyVerdict("t", false);
        String html = HtmlReport.render(Synthetic.single(run));
        for (CaseResult r : run.results()) {
            assertTrue(html.contains("<code>" + r.kase().id() + "</code>"), r.kase().id());
            assertTrue(html.contains(escaped(Rerun.command(run, r.kase().id()))), "re-run command of " + r.kase().id());
        }
        assertTrue(html.contains("./h1kit conformance --target 127.0.0.1:8080 --profile http --include 9112-6.1/05"));
        assertTrue(html.contains("GET / HTTP/1.1\\r\\n\n"), "sent bytes as escaped lines");
        assertTrue(html.contains("the suite kept the first 16384 of " + (Synthetic.HOSTILE.length + 20_000) + " bytes"),
                "truncation is said");
        assertTrue(html.contains("the hex dump shows the first 4096 bytes"), "the hex cap is said");
        assertTrue(html.contains("<td>PAUSE</td>"), "the timeline is a table");
        assertTrue(html.contains("Reject the message with 400 and close the connection."), "the hint");
        assertTrue(html.contains("A server that receives a request message with a transfer coding"), "the quoted requirement");
        assertTrue(html.contains("https://www.rfc-editor.org/rfc/rfc9112#section-6.1"), "the RFC address, as text");
        assertTrue(html.contains("400 then close → <span class=\"badge v-PASS\">PASS</span>"), "accepted outcomes with verdicts");
        assertTrue(html.contains("2 responses [200, 200], connection left open"), "the observed outcome");
    }

    @Test
    void theHeaderAndDashboardSayWhatHappenedInWords() {
        String html = HtmlReport.render(Synthetic.single(Synthetic.everyVerdict("t", false)));
        assertTrue(html.contains("<strong>Exit code 4</strong>: internal error of the suite"));
        for (String word : new String[] {"PASS", "NON-STRICT", "FAIL", "INFO", "SKIP", "DEP-FAIL", "ERROR"}) {
            assertTrue(html.contains("<th scope=\"col\">" + word + "</th>"), "dashboard column " + word);
        }
        assertTrue(html.contains("<caption>By group</caption>") && html.contains("<caption>By level</caption>"));
        assertTrue(html.contains("HARDENING"));
        assertTrue(html.contains("probed: present") && html.contains("claimed") && html.contains("absent"), "capabilities");
        assertTrue(html.contains("gates: a MUST failure"));
        assertTrue(html.contains("does not gate: a SHOULD failure gates only with --strict"));
        assertFalse(html.contains("id=\"matrix\""), "no matrix for one target and no reference");
    }

    @Test
    void severalTargetsAndAReferenceGetAMatrixBaselineAndComparison() {
        String html = HtmlReport.render(Synthetic.session());
        HtmlCheck.check(html);
        assertTrue(html.contains("id=\"matrix\""));
        assertTrue(html.contains("<th scope=\"col\">a.example</th><th scope=\"col\">b=odd name</th><th scope=\"col\">reference: nginx</th>"));
        assertTrue(html.contains("vs reference: RESPONSE"), "the divergence per cell");
        assertTrue(html.contains("Known failures (reported, do not gate)"));
        assertTrue(html.contains("unexpected pass: the baseline lists FAIL"));
        assertTrue(html.contains("<code>9999-1/01</code>"), "baseline ids that no longer exist");
        assertTrue(html.contains("Against the reference nginx"));
        assertEquals(2, HtmlCheck.count(html, "class=\"run\" id=\"t"), "a section per target");
        assertTrue(html.contains("class=\"run\" id=\"ref\""), "and one for the reference");
    }

    @Test
    void anUnreachableTargetSaysSo() {
        String html = HtmlReport.render(Synthetic.single(Synthetic.unreachable("gone")));
        HtmlCheck.check(html);
        assertTrue(html.contains("<strong>Unreachable</strong>"));
        assertTrue(html.contains("Exit code 3"));
    }
}
