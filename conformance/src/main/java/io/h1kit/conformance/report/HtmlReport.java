package io.h1kit.conformance.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code report.html}: one self-contained file, rendered with Pebble (autoescaping on) from
 * {@link HtmlModel}. No script at all and no external asset: it reads the same with JavaScript
 * off, and evidence folds with {@code <details>}. The stylesheet is inlined in a {@code <style>};
 * {@link #writeStylesheet} also writes it beside the report, which the page links too, because
 * Jenkins' default Content-Security-Policy blocks inline styles but allows the same origin's.
 */
public final class HtmlReport {
    static final String TEMPLATES = "io/h1kit/conformance/report/";
    static final String TEMPLATE = "report.html.peb";
    static final String STYLESHEET = "report.css";

    private static final PebbleEngine ENGINE = engine();

    private HtmlReport() {
    }

    public static void write(Session session, Path file) throws IOException {
        Files.writeString(file, render(session));
    }

    /** Writes the stylesheet the report links, for viewers that block inline styles. */
    public static void writeStylesheet(Path file) throws IOException {
        Files.writeString(file, stylesheet());
    }

    public static String render(Session session) {
        StringWriter out = new StringWriter();
        try {
            PebbleTemplate template = ENGINE.getTemplate(TEMPLATE);
            template.evaluate(out, Map.of("page", HtmlModel.of(session), "css", stylesheet(), "cssFile", STYLESHEET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String stylesheet() {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(TEMPLATES + STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATES + STYLESHEET);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PebbleEngine engine() {
        ClasspathLoader loader = new ClasspathLoader(HtmlReport.class.getClassLoader());
        loader.setPrefix(TEMPLATES);
        return new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
                .strictVariables(true).cacheActive(false).build();
    }
}
