package io.h1kit.conformance.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks junit.xml with javax.xml.validation: the whole file against Surefire's schema plus the
 * {@code <testsuites>} wrapper, and each {@code <testsuite>} alone against Surefire's schema.
 */
final class XsdCheck {
    private XsdCheck() {
    }

    static Schema schema(String resource) throws SAXException {
        URL url = XsdCheck.class.getResource("/surefire/" + resource);
        if (url == null) {
            throw new IllegalStateException("missing test resource surefire/" + resource);
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(new StreamSource(url.toExternalForm()));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Validates the file and every suite in it; returns the suites. */
    static List<Element> validate(String xml) throws Exception {
        schema("testsuites-wrapper.xsd").newValidator().validate(new StreamSource(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        Schema surefire = schema("surefire-test-report-3.0.xsd");
        Document doc = parse(xml);
        NodeList suites = doc.getElementsByTagName("testsuite");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            surefire.newValidator().validate(new DOMSource(suite));
            out.add(suite);
        }
        return out;
    }
}
