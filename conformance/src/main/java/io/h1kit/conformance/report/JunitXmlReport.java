package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code junit.xml} in the legacy surefire format that Jenkins' {@code junit} step reads: a
 * {@code <testsuites>} holding one {@code <testsuite>} per target and catalogue group, each valid
 * against surefire's {@code surefire-test-report-3.0.xsd}. A gating result is a {@code <failure>}
 * typed by its level (an unexpected pass is typed "baseline"); a harness ERROR is an
 * {@code <error>}; SKIP, DEP-FAIL and baseline-known failures are {@code <skipped>}; results that
 * do not gate (NON-STRICT, INFO, SHOULD failures without --strict) pass with a note in
 * {@code <system-out>}. The reference server of differential mode is not a test subject here.
 */
public final class JunitXmlReport {
    private JunitXmlReport() {
    }

    public static void write(Session session, Path file) throws IOException {
        Files.writeString(file, render(session));
    }

    public static String render(Session session) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            new Writer(xml).suites(session);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit XML", e);
        }
        return out + "\n";
    }

    /** The classname part for a target: dots and colons would split Jenkins' package tree wrongly. */
    static String classToken(String targetName) {
        return targetName.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    private record Suite(String name, String classname, List<CaseResult> results) {
    }

    private static final class Writer {
        private final XMLStreamWriter xml;

        Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void suites(Session session) throws XMLStreamException {
            int tests = 0;
            int failures = 0;
            int errors = 0;
            int skipped = 0;
            for (TargetReport t : session.targets()) {
                if (!t.run().reachable()) {
                    tests++;
                    errors++;
                }
                for (CaseResult r : t.run().results()) {
                    tests++;
                    switch (kind(t, r)) {
                        case FAILURE -> failures++;
                        case ERROR -> errors++;
                        case SKIPPED -> skipped++;
                        default -> { }
                    }
                }
            }
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "h1kit conformance");
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(errors));
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("time", seconds(session.millis()));
            for (TargetReport t : session.targets()) {
                target(session, t);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
        }

        private void target(Session session, TargetReport t) throws XMLStreamException {
            RunResult run = t.run();
            String profile = run.options().profile().label();
            String token = classToken(run.target().name());
            if (!run.reachable()) {
                startSuite("h1kit.conformance." + profile + ".TARGET", 1, 0, 1, 0, run.millis());
                properties(session, run);
                indent(2);
                xml.writeStartElement("testcase");
                xml.writeAttribute("name", "target " + run.target().hostPort() + " is reachable");
                xml.writeAttribute("classname", "h1kit.conformance." + token + ".TARGET");
                xml.writeAttribute("time", seconds(run.millis()));
                indent(3);
                xml.writeStartElement("error");
                xml.writeAttribute("message", "cannot connect to " + run.target().hostPort());
                xml.writeAttribute("type", "UNREACHABLE");
                xml.writeCharacters("The suite could not open a TCP connection to " + run.target().hostPort()
                        + " (exit 3). Is the server running and listening there?");
                xml.writeEndElement();
                indent(2);
                xml.writeEndElement();
                endSuite();
            }
            Map<String, List<CaseResult>> groups = new LinkedHashMap<>();
            for (CaseResult r : run.results()) {
                groups.computeIfAbsent(Group.of(r.kase()), g -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<CaseResult>> g : groups.entrySet()) {
                suite(session, t, new Suite("h1kit.conformance." + profile + "." + g.getKey(),
                        "h1kit.conformance." + token + "." + g.getKey(), g.getValue()));
            }
        }

        private void suite(Session session, TargetReport t, Suite suite) throws XMLStreamException {
            int failures = 0;
            int errors = 0;
            int skipped = 0;
            long millis = 0;
            for (CaseResult r : suite.results()) {
                millis += r.millis();
                switch (kind(t, r)) {
                    case FAILURE -> failures++;
                    case ERROR -> errors++;
                    case SKIPPED -> skipped++;
                    default -> { }
                }
            }
            startSuite(suite.name(), suite.results().size(), failures, errors, skipped, millis);
            properties(session, t.run());
            for (CaseResult r : suite.results()) {
                testcase(t, suite, r);
            }
            endSuite();
        }

        private void testcase(TargetReport t, Suite suite, CaseResult r) throws XMLStreamException {
            indent(2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", clean(r.kase().id() + " " + r.kase().title()));
            xml.writeAttribute("classname", suite.classname());
            xml.writeAttribute("time", seconds(r.millis()));
            String rerun = "Re-run: " + Rerun.command(t.run(), r.kase().id());
            BaselineCheck.Entry standing = t.standing(r);
            switch (kind(t, r)) {
                case FAILURE -> {
                    boolean unexpected = standing != null && standing.standing() == BaselineCheck.Standing.UNEXPECTED_PASS;
                    element("failure", unexpected ? standing.describe() + "; got PASS" : message(r),
                            unexpected ? "baseline" : r.kase().level().name(),
                            Describe.failure(r) + (standing == null ? "" : "Baseline: " + standing.describe() + "\n") + rerun);
                }
                case ERROR -> element("error", message(r), "ERROR", Describe.failure(r) + rerun);
                case SKIPPED -> {
                    String why = standing != null && standing.standing() == BaselineCheck.Standing.KNOWN
                            ? standing.describe() + ": " + message(r)
                            : Group.label(r.verdict()) + ": " + r.matched();
                    element("skipped", why, null, null);
                }
                case PASSED -> { }
            }
            String note = note(t, r);
            if (!note.isEmpty()) {
                indent(3);
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(note));
                xml.writeEndElement();
            }
            indent(2);
            xml.writeEndElement();
        }

        /** What a passing test case says besides passing: why a non-PASS verdict did not gate, the reference. */
        private static String note(TargetReport t, CaseResult r) {
            StringBuilder sb = new StringBuilder();
            if (kind(t, r) == Kind.PASSED && r.verdict() != Verdict.PASS) {
                sb.append(Group.label(r.verdict())).append(" at ").append(r.kase().level())
                        .append(", which does not gate").append(t.run().options().strict() ? "" : " without --strict")
                        .append(": ").append(message(r)).append('\n');
            }
            BaselineCheck.Entry standing = t.standing(r);
            if (standing != null && kind(t, r) == Kind.PASSED) {
                sb.append("Baseline: ").append(standing.describe()).append('\n');
            }
            Differential.Pair pair = t.differential() == null ? null : t.differential().pair(r.kase().id());
            if (pair != null && pair.divergence() != Divergence.OK) {
                sb.append("Reference ").append(t.differential().reference().target().name()).append(": ")
                        .append(pair.divergence()).append(" (").append(pair.divergence().meaning()).append("): ")
                        .append(pair.describe()).append('\n');
            }
            return sb.toString();
        }

        private void element(String name, String message, String type, String body) throws XMLStreamException {
            indent(3);
            if (body == null) {
                xml.writeEmptyElement(name);
            } else {
                xml.writeStartElement(name);
            }
            xml.writeAttribute("message", clean(message).replace('\n', ' '));
            if (type != null) {
                xml.writeAttribute("type", type);
            }
            if (body != null) {
                xml.writeCharacters(clean(body));
                xml.writeEndElement();
            }
        }

        private void startSuite(String name, int tests, int failures, int errors, int skipped, long millis)
                throws XMLStreamException {
            indent(1);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean(name));
            xml.writeAttribute("time", seconds(millis));
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("errors", String.valueOf(errors));
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("failures", String.valueOf(failures));
        }

        private void endSuite() throws XMLStreamException {
            indent(1);
            xml.writeEndElement();
        }

        private void properties(Session session, RunResult run) throws XMLStreamException {
            indent(2);
            xml.writeStartElement("properties");
            property("target", run.target().name());
            property("address", run.target().hostPort());
            property("profile", run.options().profile().label());
            property("strict", String.valueOf(run.options().strict()));
            property("h1kit.version", session.version());
            property("command", session.command());
            indent(2);
            xml.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            indent(3);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", name);
            xml.writeAttribute("value", clean(value));
        }

        private void indent(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    private enum Kind { PASSED, FAILURE, ERROR, SKIPPED }

    private static Kind kind(TargetReport t, CaseResult r) {
        if (t.gates(r)) {
            return r.verdict() == Verdict.ERROR ? Kind.ERROR : Kind.FAILURE;
        }
        BaselineCheck.Entry standing = t.standing(r);
        if (r.verdict() == Verdict.SKIP || r.verdict() == Verdict.DEP_FAIL
                || standing != null && standing.standing() == BaselineCheck.Standing.KNOWN && Group.failing(r.verdict())
                && r.gates(t.run().options().strict())) {
            return Kind.SKIPPED;
        }
        return Kind.PASSED;
    }

    /** "expected 400 then close (PASS); ...; got 200, connection left open". */
    private static String message(CaseResult r) {
        return "expected " + Describe.accepted(r.kase()) + "; got "
                + (r.observation() == null ? r.matched() : r.observation().summary());
    }

    /** Text XML 1.0 can hold: control characters and unpaired surrogates escaped. */
    private static String clean(String text) {
        return Describe.printable(text == null ? "" : text);
    }
}
