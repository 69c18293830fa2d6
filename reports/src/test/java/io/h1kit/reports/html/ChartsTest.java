package io.h1kit.reports.html;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChartsTest {
    @Test
    void theAxisEndsOnARoundNumberAtOrAboveTheLargestValue() {
        assertEquals(5000, Charts.niceMax(4500));
        assertEquals(1000, Charts.step(5000));
        assertEquals(200, Charts.niceMax(200));
        assertEquals(50, Charts.step(200));
        assertEquals(1000, Charts.niceMax(984));
        assertEquals(3, Charts.niceMax(3));
        assertEquals(1, Charts.step(3), "no 0.75 ms ticks");
        assertEquals(12.5, Charts.niceMax(11));
        assertEquals(1, Charts.niceMax(0));
        assertEquals(0, Charts.height(5, 0), "an all-zero chart draws nothing, and does not divide by zero");
    }

    @Test
    void namesAreEscapedAndTheChartStaysWellFormed() throws Exception {
        String svg = Charts.bars("x", "a <b> & \"c\"", "ms", List.of("<nginx> & co"), new double[]{3},
                Format::ms);
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("a <b> & \"c\"", root.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("<nginx> & co ms: 3", ((Element) root.getElementsByTagName("rect").item(1))
                .getElementsByTagName("title").item(0).getTextContent());
    }
}
