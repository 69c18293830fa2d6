package io.h1kit.reports.input;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test coverage per module from JaCoCo's XML reports ({@code target/site/jacoco/jacoco.xml}),
 * where a build has written them: the report-level LINE, BRANCH and INSTRUCTION counters.
 */
public record Coverage(List<Module> modules) {
    public static final String REPORT = "target/site/jacoco/jacoco.xml";

    /** Covered and missed counts; {@code -1} where the report has no such counter. */
    public record Module(String path, long linesCovered, long linesMissed, long branchesCovered,
                         long branchesMissed) {
        public double linePercent() {
            return percent(linesCovered, linesMissed);
        }

        public double branchPercent() {
            return percent(branchesCovered, branchesMissed);
        }

        private static double percent(long covered, long missed) {
            return covered < 0 || covered + missed == 0 ? Double.NaN : 100.0 * covered / (covered + missed);
        }
    }

    public static Coverage scan(Path root) throws IOException {
        List<Module> modules = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 7)) {
            for (Path xml : files.filter(p -> p.toString().endsWith(REPORT)).sorted().toList()) {
                Path module = xml.getParent().getParent().getParent().getParent();
                String name = root.relativize(module).toString();
                modules.add(parse(name.isEmpty() ? "." : name, xml));
            }
        }
        return new Coverage(List.copyOf(modules));
    }

    static Module parse(String name, Path xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // jacoco.xml names report.dtd; the report is read offline and never validated.
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element report = f.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
            long[] line = {-1, -1};
            long[] branch = {-1, -1};
            for (Node n = report.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("counter")) {
                    long[] into = switch (e.getAttribute("type")) {
                        case "LINE" -> line;
                        case "BRANCH" -> branch;
                        default -> null;
                    };
                    if (into != null) {
                        into[0] = Long.parseLong(e.getAttribute("covered"));
                        into[1] = Long.parseLong(e.getAttribute("missed"));
                    }
                }
            }
            return new Module(name, line[0], line[1], branch[0], branch[1]);
        } catch (Exception e) {
            throw new IOException(xml + ": not a JaCoCo XML report: " + e.getMessage(), e);
        }
    }
}
