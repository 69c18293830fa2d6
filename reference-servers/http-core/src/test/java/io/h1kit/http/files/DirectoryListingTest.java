package io.h1kit.http.files;

import io.h1kit.http.HttpDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryListingTest {
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>");

    @TempDir
    static Path base;
    static PathMapper mapper;
    static String noindex;
    static String rootPage;

    @BeforeAll
    static void build() throws IOException {
        Docroot docroot = Docroot.create(base);
        mapper = new PathMapper(docroot.root);
        noindex = render("/noindex/");
        rootPage = render("/");
    }

    static String render(String rawPath) throws IOException {
        PathMapping.Found dir = assertInstanceOf(PathMapping.Found.class, mapper.map(rawPath));
        return DirectoryListing.render(mapper, dir, Docroot.NOW);
    }

    /** The (href, text) of every link, in page order. */
    static List<List<String>> links(String page) {
        List<List<String>> out = new ArrayList<>();
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            out.add(List.of(m.group(1), m.group(2)));
        }
        return out;
    }

    @Test
    @DisplayName("parent link, then directories, then files, each group in code-point order")
    void order() {
        List<List<String>> expected = new ArrayList<>(List.of(
                List.of("../", "../"),
                List.of("dir2/", "dir2/"),
                List.of("A.txt", "A.txt"),
                List.of("a%20b%26%3Cc%3E.txt", "a b&amp;&lt;c&gt;.txt"),
                List.of("z.txt", "z.txt")));
        if (Docroot.UTF8_NAMES) {
            expected.add(List.of("%C3%BC.txt", Docroot.UMLAUT));
        }
        assertEquals(expected, links(noindex));
    }

    @Test
    @DisplayName("hidden entries and symlinks leaving the root are not listed")
    void omitted() {
        assertFalse(noindex.contains("hidden-in-dir"), noindex);
        assertFalse(noindex.contains(">out<"), noindex);
        assertFalse(rootPage.contains(".hidden"), rootPage);
        assertFalse(rootPage.contains(".git"), rootPage);
        assertFalse(rootPage.contains("link-out"), rootPage);
        assertFalse(rootPage.contains("dir-out"), rootPage);
        assertFalse(rootPage.contains("link-hidden"), rootPage);
        assertTrue(rootPage.contains("<a href=\"link-in\">link-in</a>"), rootPage);
        assertTrue(rootPage.contains("<a href=\"dir-in/\">dir-in/</a>"), rootPage);
    }

    @Test
    @DisplayName("the root listing has no parent link; a name with % is encoded as %25")
    void root() {
        assertFalse(rootPage.contains("href=\"../\""), rootPage);
        assertTrue(rootPage.contains("<title>Index of /</title>"), rootPage);
        assertTrue(rootPage.contains("<a href=\"%2541.txt\">%41.txt</a>"), rootPage);
    }

    @Test
    @DisplayName("a valid HTML5 page: doctype, charset, title and h1, no script, no external assets")
    void html5() {
        assertTrue(noindex.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), noindex);
        assertTrue(noindex.contains("<meta charset=\"utf-8\">"), noindex);
        assertTrue(noindex.contains("<title>Index of /noindex/</title>"), noindex);
        assertTrue(noindex.contains("<h1>Index of /noindex/</h1>"), noindex);
        assertTrue(noindex.endsWith("</html>\n"), noindex);
        assertFalse(noindex.toLowerCase().contains("<script"), noindex);
        assertFalse(noindex.contains("http://") || noindex.contains("https://") || noindex.contains("<link"), noindex);
    }

    @Test
    @DisplayName("sizes in bytes, dashes for directories, dates as IMF-fixdate")
    void columns() {
        String date = HttpDate.format(Docroot.MTIME_SECONDS);
        assertTrue(noindex.contains("<a href=\"z.txt\">z.txt</a></td><td>3</td><td>" + date + "</td>"), noindex);
        assertTrue(noindex.contains("<a href=\"dir2/\">dir2/</a></td><td>-</td><td>" + date + "</td>"), noindex);
        assertTrue(rootPage.contains("<a href=\"future.txt\">future.txt</a></td><td>15</td><td>"
                + HttpDate.format(Docroot.NOW) + "</td>"), rootPage);
    }

    @Test
    @DisplayName("the title escapes the decoded path; entry names are escaped and their hrefs encoded")
    void escaping() {
        String page = DirectoryListing.page("/<b>&\"x\"/", false,
                List.of(new DirectoryListing.Entry("<img src=x onerror=alert(1)>", false, 1, 0),
                        new DirectoryListing.Entry("a\"b'c", true, -1, 0)));
        assertTrue(page.contains("<title>Index of /&lt;b&gt;&amp;&quot;x&quot;/</title>"), page);
        assertTrue(page.contains("<a href=\"%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E\">"
                + "&lt;img src=x onerror=alert(1)&gt;</a>"), page);
        assertTrue(page.contains("<a href=\"a%22b%27c/\">a&quot;b&#39;c/</a>"), page);
        assertFalse(page.contains("<img"), page);
    }
}
