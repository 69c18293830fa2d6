package io.h1kit.reports;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** index.html parsed as XML (which also proves it well-formed), with the lookups the tests need. */
record Page(Document doc) {
    static Page parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return new Page(f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
    }

    static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    Element byId(String id) {
        for (String tag : List.of("section", "svg", "title")) {
            for (Element e : elements(doc.getDocumentElement(), tag)) {
                if (id.equals(e.getAttribute("id"))) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The chart whose title has the id {@code <id>-t}. */
    Element chart(String id) {
        return elements(doc.getDocumentElement(), "svg").stream()
                .filter(s -> s.getAttribute("aria-labelledby").startsWith(id + "-t ")).findFirst().orElseThrow();
    }

    /** The cells of the table row whose header cell reads {@code header}, and whose cells start with {@code first}. */
    static List<String> row(Element table, String header, String first) {
        for (Element tr : elements(table, "tr")) {
            List<Element> ths = elements(tr, "th");
            List<Element> tds = elements(tr, "td");
            if (!ths.isEmpty() && ths.getFirst().getTextContent().equals(header)
                    && (first == null || tds.getFirst().getTextContent().equals(first)
                    || tds.get(1).getTextContent().equals(first))) {
                return tds.stream().map(Element::getTextContent).toList();
            }
        }
        throw new AssertionError("no row " + header + " " + first);
    }
}
