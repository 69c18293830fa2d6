package io.h1kit.http.files;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            index.html   | text/html; charset=utf-8
            page.htm     | text/html; charset=utf-8
            site.css     | text/css; charset=utf-8
            app.js       | text/javascript; charset=utf-8
            mod.mjs      | text/javascript; charset=utf-8
            data.json    | application/json; charset=utf-8
            app.js.map   | application/json; charset=utf-8
            notes.txt    | text/plain; charset=utf-8
            table.csv    | text/csv; charset=utf-8
            feed.xml     | application/xml; charset=utf-8
            logo.svg     | image/svg+xml; charset=utf-8
            README.md    | text/markdown; charset=utf-8
            conf.yaml    | application/yaml; charset=utf-8
            cal.ics      | text/calendar; charset=utf-8
            a.png        | image/png
            a.jpg        | image/jpeg
            a.jpeg       | image/jpeg
            a.gif        | image/gif
            a.webp       | image/webp
            a.avif       | image/avif
            favicon.ico  | image/vnd.microsoft.icon
            a.bmp        | image/bmp
            a.tif        | image/tiff
            doc.pdf      | application/pdf
            a.zip        | application/zip
            a.tar.gz     | application/gzip
            a.tar        | application/x-tar
            m.wasm       | application/wasm
            f.woff       | font/woff
            f.woff2      | font/woff2
            f.ttf        | font/ttf
            f.otf        | font/otf
            s.mp3        | audio/mpeg
            v.mp4        | video/mp4
            v.webm       | video/webm
            s.ogg        | audio/ogg
            s.wav        | audio/wav
            book.epub    | application/epub+zip
            letter.doc   | application/msword
            """)
    @DisplayName("common extensions map to their registered types, text types with charset=utf-8")
    void known(String name, String type) {
        assertEquals(type, MimeTypes.forFileName(name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INDEX.HTML", "Index.Html", "PHOTO.JPG", "Data.JSON"})
    @DisplayName("the extension matches in any letter case")
    void caseInsensitive(String name) {
        assertEquals(MimeTypes.forFileName(name.toLowerCase(java.util.Locale.ROOT)), MimeTypes.forFileName(name));
        assertTrue(!MimeTypes.forFileName(name).equals(MimeTypes.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"README", "archive.unknownext", "trailing.", "f", ".profile", "a.html.bak"})
    @DisplayName("no or an unknown extension gives application/octet-stream")
    void unknown(String name) {
        assertEquals("application/octet-stream", MimeTypes.forFileName(name));
    }

    @Test
    @DisplayName("the table knows at least 40 extensions")
    void size() {
        assertTrue(MimeTypes.size() >= 40, "only " + MimeTypes.size());
    }
}
