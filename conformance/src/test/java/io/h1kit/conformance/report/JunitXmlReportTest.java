package io.h1kit.conformance.report;

import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** junit.xml: valid against Surefire's XSD, one suite per group, each verdict mapped as Jenkins reads it. */
class JunitXmlReportTest {

    private static List<Element> testcases(List<Element> suites) {
        List<Element> out = new ArrayList<>();
        for (Element s : suites) {
            NodeList cases = s.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                out.add((Element) cases.item(i));
            }
        }
        return out;
    }

    private static Element testcase(List<Element> suites, String id) {
        return testcases(suites).stream().filter(e -> e.getAttribute("name").startsWith(id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no testcase " + id));
    }

    private static Element child(Element e, String name) {
        NodeList list = e.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    @Test
    void aSessionWithEveryVerdictIsValidAgainstSurefiresSchema() throws Exception {
        List<Element> suites = XsdCheck.validate(JunitXmlReport.render(Synthetic.session()));
        assertEquals(14, suites.size(), "7 groups for each of the two targets; the reference is not a test subject");
    }

    @Test
    void aBrokenDocumentFailsTheCheck() {
        String xml = JunitXmlReport.render(Synthetic.single(Synthetic.everyVerdict("t", false)))
                .replaceFirst("(<testcase [^>]*?) time=\"[0-9.]+\"", "$1");
        assertThrows(org.xml.sax.SAXException.class, () -> XsdCheck.validate(xml), "a testcase without time is invalid");
    }

    @Test
    void oneSuitePerGroupNamedByProfileAndClassnamedByTarget() throws Exception {
        List<Element> suites = XsdCheck.validate(JunitXmlReport.render(Synthetic.single(Synthetic.everyVerdict("127.0.0.1:8080", false))));
        assertEquals(List.of("h1kit.conformance.http.RL", "h1kit.conformance.http.MSG", "h1kit.conformance.http.TE",
                "h1kit.conformance.http.HOST", "h1kit.conformance.http.COND", "h1kit.conformance.http.RANGE",
                "h1kit.conformance.http.SMUG"), suites.stream().map(s -> s.getAttribute("name")).toList());
        Element te = testcase(suites, "9112-6.1/05");
        assertEquals("h1kit.conformance.127_0_0_1_8080.TE", te.getAttribute("classname"));
        assertEquals("9112-6.1/05 Größe ✓ and a NUL \\x00 in a title", te.getAttribute("name"));
        assertEquals("0.025", te.getAttribute("time"));
        Element suite = suites.get(2);
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
    }

    @Test
    void eachVerdictMapsToWhatJenkinsShows() throws Exception {
        List<Element> suites = XsdCheck.validate(JunitXmlReport.render(Synthetic.single(Synthetic.everyVerdict("t", false))));

        Element must = testcase(suites, "9112-6.1/05");
        Element failure = child(must, "failure");
        assertNotNull(failure, "a MUST failure is a <failure>");
        assertEquals("MUST", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").startsWith("expected 400 then close (PASS); close without a response "
                + "(NON_STRICT); anything else: FAIL; got 2 responses [200, 200]"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("RFC 9112 §6.1"), "the body is Describe.failure");
        assertTrue(failure.getTextContent().contains("<script>alert(1)</script>"), "the bytes, escaped by XML, read back intact");
        assertTrue(failure.getTextContent().contains("Re-run: ./h1kit conformance --target 127.0.0.1:8080"));

        assertEquals("SKIP: the target does not offer the static-file fixture (probed)",
                child(testcase(suites, "9110-13.1/01"), "skipped").getAttribute("message"));
        assertTrue(child(testcase(suites, "9110-14.2/01"), "skipped").getAttribute("message").startsWith("DEP-FAIL: "));
        Element error = child(testcase(suites, "9112-11.2/01"), "error");
        assertEquals("ERROR", error.getAttribute("type"));

        Element nonStrict = testcase(suites, "9112-2.2/02");
        assertNull(child(nonStrict, "failure"));
        assertTrue(child(nonStrict, "system-out").getTextContent().startsWith("NON-STRICT at SHOULD, which does not gate"));
        Element should = testcase(suites, "9112-6.1/06");
        assertNull(child(should, "failure"), "a SHOULD failure does not gate without --strict");
        assertTrue(child(should, "system-out").getTextContent().startsWith("FAIL at SHOULD"));
        assertTrue(child(testcase(suites, "9110-7.2/01"), "system-out").getTextContent().startsWith("INFO at MAY"));
        assertNull(child(testcase(suites, "9112-3/01"), "system-out"), "a PASS says nothing");
    }

    @Test
    void strictModeTurnsShouldAndNonStrictIntoFailures() throws Exception {
        List<Element> suites = XsdCheck.validate(JunitXmlReport.render(Synthetic.single(Synthetic.everyVerdict("t", true))));
        assertEquals("SHOULD", child(testcase(suites, "9112-6.1/06"), "failure").getAttribute("type"));
        assertEquals("SHOULD", child(testcase(suites, "9112-2.2/02"), "failure").getAttribute("type"));
        assertNull(child(testcase(suites, "9110-7.2/01"), "failure"), "INFO never gates");
    }

    @Test
    void knownFailuresAreSkippedAndUnexpectedPassesFail() throws Exception {
        List<Element> suites = XsdCheck.validate(JunitXmlReport.render(Synthetic.session()));
        Element known = testcase(suites, "9112-6.1/05");
        assertNull(child(known, "failure"));
        assertTrue(child(known, "skipped").getAttribute("message").startsWith("known FAIL (baseline): expected"));
        Element unexpected = testcase(suites, "9112-3/01");
        assertEquals("baseline", child(unexpected, "failure").getAttribute("type"));
        assertEquals("unexpected pass: the baseline lists FAIL; got PASS", child(unexpected, "failure").getAttribute("message"));
        assertTrue(child(testcase(suites, "9112-2.2/02"), "system-out").getTextContent().contains("Reference nginx: RESPONSE"));
    }

    @Test
    void anUnreachableTargetIsAnError() throws Exception {
        RunResult gone = Synthetic.unreachable("gone");
        List<Element> suites = XsdCheck.validate(JunitXmlReport.render(Synthetic.single(gone)));
        assertEquals(1, suites.size());
        assertEquals("h1kit.conformance.http.TARGET", suites.getFirst().getAttribute("name"));
        assertEquals("UNREACHABLE", child(testcase(suites, "target"), "error").getAttribute("type"));
    }

    @Test
    void timesAreSurefireSeconds() {
        assertEquals("0.000", JunitXmlReport.seconds(0));
        assertEquals("1.005", JunitXmlReport.seconds(1005));
        assertEquals("1234.567", JunitXmlReport.seconds(1_234_567));
    }
}
