package io.h1kit.http.files;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The traversal guard against the PATH rows of the catalogue (section 2.16) and more. */
class PathMapperTest {
    @TempDir
    static Path base;
    static Docroot docroot;
    static PathMapper mapper;

    @BeforeAll
    static void build() throws IOException {
        docroot = Docroot.create(base);
        mapper = new PathMapper(docroot.root);
    }

    /**
     * Raw paths that must never reach a file outside the root or a hidden one, each with the
     * reason expected in the error log. Shared with {@link StaticFilesTest}.
     */
    static Stream<Arguments> traversal() {
        return Stream.of(
                // PATH-01: plain dot-segments climbing out
                Arguments.of("/../canary", "dot-segment climbs above the root"),
                Arguments.of("/../../../../etc/passwd", "dot-segment climbs above the root"),
                Arguments.of("/..", "dot-segment climbs above the root"),
                Arguments.of("/a/../../canary", "dot-segment climbs above the root"),
                Arguments.of("/a/b/../../../canary", "dot-segment climbs above the root"),
                Arguments.of("/./../canary", "dot-segment climbs above the root"),
                Arguments.of("//../canary", "dot-segment climbs above the root"),
                Arguments.of("/a/c.txt/../../../canary", "dot-segment climbs above the root"),
                // PATH-02: percent-encoded dots (RFC 3986 §2.3)
                Arguments.of("/%2e%2e/canary", "encoded dot-segment"),
                Arguments.of("/.%2e/canary", "encoded dot-segment"),
                Arguments.of("/%2e./canary", "encoded dot-segment"),
                Arguments.of("/%2E%2E/canary", "encoded dot-segment"),
                Arguments.of("/a/%2e%2e/%2e%2e/canary", "encoded dot-segment"),
                Arguments.of("/%2e/canary", "encoded dot-segment"),
                // PATH-03: encoded slash, never a separator
                Arguments.of("/..%2fcanary", "encoded slash or backslash"),
                Arguments.of("/a%2f..%2f..%2fcanary", "encoded slash or backslash"),
                Arguments.of("/%2f..%2fcanary", "encoded slash or backslash"),
                // PATH-04: double encoding decodes once, to a literal name that does not exist
                Arguments.of("/%252e%252e/canary", "no such file"),
                Arguments.of("/%252e%252e%252fcanary", "no such file"),
                // PATH-05: backslash, raw or encoded
                Arguments.of("/..\\canary", "backslash in the path"),
                Arguments.of("/a\\..\\..\\canary", "backslash in the path"),
                Arguments.of("/%5c..%5ccanary", "encoded slash or backslash"),
                // PATH-06: overlong and invalid UTF-8
                Arguments.of("/%c0%ae%c0%ae/canary", "segment is not percent-encoded UTF-8"),
                Arguments.of("/%c0%afcanary", "segment is not percent-encoded UTF-8"),
                Arguments.of("/%e0%80%ae%e0%80%ae/canary", "segment is not percent-encoded UTF-8"),
                Arguments.of("/%ff", "segment is not percent-encoded UTF-8"),
                // PATH-07: NUL, no truncation
                Arguments.of("/a/c.txt%00.html", "control character in a segment"),
                Arguments.of("/a/c.txt%00", "control character in a segment"),
                Arguments.of("/%00", "control character in a segment"),
                // PATH-11: encoded CR LF and other controls
                Arguments.of("/%0d%0aSet-Cookie:%20x=1", "control character in a segment"),
                Arguments.of("/a/%0a", "control character in a segment"),
                Arguments.of("/%7f", "control character in a segment"),
                Arguments.of("/%c2%85", "control character in a segment"),
                // hidden files and directories
                Arguments.of("/.hidden", "hidden file"),
                Arguments.of("/%2ehidden", "hidden file"),
                Arguments.of("/.git/config", "hidden file"),
                Arguments.of("/a/../.hidden", "hidden file"),
                Arguments.of("/noindex/.hidden-in-dir", "hidden file"),
                // symlinks
                Arguments.of("/link-out", "symlink leaves the root"),
                Arguments.of("/dir-out/canary", "symlink leaves the root"),
                Arguments.of("/noindex/out", "symlink leaves the root"),
                Arguments.of("/link-hidden", "symlink leads to a hidden file"));
    }

    @ParameterizedTest(name = "{0} -> not found ({1})")
    @MethodSource("traversal")
    @DisplayName("PATH-01..07, 11: escaping, hidden and encoded paths map to not found")
    void traversalIsNotFound(String rawPath, String reason) throws IOException {
        PathMapping mapping = mapper.map(rawPath);
        switch (mapping) {
            case PathMapping.Found found -> fail(rawPath + " mapped to " + found.file()
                    + (Files.readString(found.file()).contains(Docroot.CANARY) ? " (the canary!)" : ""));
            case PathMapping.Rejected r -> assertEquals(reason, r.reason());
            case PathMapping.Missing m -> assertEquals(reason, m.reason());
        }
    }

    @Test
    @DisplayName("a path-escaping attempt is logged as rejected, a plain missing file as missing")
    void rejectedAndMissingAreDistinct() {
        assertInstanceOf(PathMapping.Rejected.class, mapper.map("/../canary"));
        assertInstanceOf(PathMapping.Rejected.class, mapper.map("/link-out"));
        assertInstanceOf(PathMapping.Missing.class, mapper.map("/no-such-file"));
        assertInstanceOf(PathMapping.Missing.class, mapper.map("/%252e%252e/canary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.h1kit.http.files.PathMapperTest#notAbsolute")
    @DisplayName("a path not starting with / is rejected")
    void notAbsolute(String rawPath) {
        assertInstanceOf(PathMapping.Rejected.class, mapper.map(rawPath));
    }

    static Stream<String> notAbsolute() {
        return Stream.of("", "canary", "../canary", "a/c.txt");
    }

    static Stream<Arguments> found() {
        return Stream.of(
                // PATH-08: dot-segments removed (RFC 3986 §5.2.4)
                Arguments.of("/a/./b/../c.txt", "a/c.txt", "/a/c.txt", false),
                Arguments.of("/a/b/../c.txt", "a/c.txt", "/a/c.txt", false),
                Arguments.of("/a/c.txt", "a/c.txt", "/a/c.txt", false),
                Arguments.of("/./a/c.txt", "a/c.txt", "/a/c.txt", false),
                Arguments.of("/a/b/..", "a", "/a/", true),
                Arguments.of("/a/.", "a", "/a/", true),
                Arguments.of("/a/", "a", "/a/", true),
                Arguments.of("/a", "a", "/a", false),
                Arguments.of("/", "", "/", true),
                Arguments.of("/a/..", "", "/", true),
                // PATH-10: empty segments merged
                Arguments.of("//a//c.txt", "a/c.txt", "/a/c.txt", false),
                // PATH-09: percent-encoded unreserved characters
                Arguments.of("/%61/c.txt", "a/c.txt", "/a/c.txt", false),
                Arguments.of("/a/%63%2Etxt", "a/c.txt", "/a/c.txt", false),
                // symlinks that stay inside the root
                Arguments.of("/link-in", "a/c.txt", "/link-in", false),
                Arguments.of("/dir-in/c.txt", "a/c.txt", "/dir-in/c.txt", false),
                Arguments.of("/dir-out/root/a/c.txt", "a/c.txt", "/dir-out/root/a/c.txt", false),
                // names that need encoding; decoded once
                Arguments.of("/a%20b%26%3Cc%3E.txt", "a b&<c>.txt", "/a b&<c>.txt", false),
                Arguments.of("/%2541.txt", "%41.txt", "/%41.txt", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("found")
    @DisplayName("PATH-08..10: normalised paths map to the right file")
    void foundPaths(String rawPath, String file, String decodedPath, boolean trailingSlash) throws IOException {
        PathMapping.Found found = assertInstanceOf(PathMapping.Found.class, mapper.map(rawPath));
        assertEquals(docroot.root.resolve(file).toRealPath(), found.file());
        assertEquals(decodedPath, found.decodedPath());
        assertEquals(trailingSlash, found.trailingSlash());
    }

    @Test
    @DisplayName("the encoded path is normalised but keeps the client's encoding, for Location")
    void encodedPath() {
        PathMapping.Found merged = assertInstanceOf(PathMapping.Found.class, mapper.map("//a//./b/.."));
        assertEquals("/a/", merged.encodedPath());
        PathMapping.Found encoded = assertInstanceOf(PathMapping.Found.class, mapper.map("/%61/c.txt"));
        assertEquals("/%61/c.txt", encoded.encodedPath());
        assertEquals("/a/c.txt", encoded.decodedPath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.h1kit.http.files.PathMapperTest#utf8Names")
    @DisplayName("a UTF-8 name, percent-encoded in either letter case, maps to its file")
    void utf8Name(String rawPath) throws IOException {
        PathMapping mapping = mapper.map(rawPath);
        if (Docroot.UTF8_NAMES) {
            PathMapping.Found found = assertInstanceOf(PathMapping.Found.class, mapping);
            assertEquals(docroot.root.resolve(Docroot.UMLAUT).toRealPath(), found.file());
            assertEquals("/" + Docroot.UMLAUT, found.decodedPath());
        } else {
            // The JVM cannot name the file; the mapper must say so, not throw.
            assertInstanceOf(PathMapping.Missing.class, mapping);
        }
    }

    static Stream<String> utf8Names() {
        return Stream.of("/%C3%BC.txt", "/%c3%bc.txt");
    }

    @Test
    @DisplayName("mapChild applies the same name rules and confinement as map")
    void mapChild() {
        PathMapping.Found dir = assertInstanceOf(PathMapping.Found.class, mapper.map("/noindex/"));
        PathMapping.Found child = assertInstanceOf(PathMapping.Found.class, mapper.mapChild(dir, "a b&<c>.txt"));
        assertEquals("/noindex/a%20b%26%3Cc%3E.txt", child.encodedPath());
        assertEquals("/noindex/a b&<c>.txt", child.decodedPath());
        assertFalse(child.trailingSlash());
        assertEquals("hidden file",
                assertInstanceOf(PathMapping.Rejected.class, mapper.mapChild(dir, ".hidden-in-dir")).reason());
        assertEquals("symlink leaves the root",
                assertInstanceOf(PathMapping.Rejected.class, mapper.mapChild(dir, "out")).reason());
        assertInstanceOf(PathMapping.Missing.class, mapper.mapChild(dir, "index.html"));
    }

    @Test
    @DisplayName("encodeSegment keeps only unreserved characters")
    void encodeSegment() {
        assertEquals("a%20b%26%3Cc%3E.txt", PathMapper.encodeSegment("a b&<c>.txt"));
        assertEquals("%C3%BC.txt", PathMapper.encodeSegment(Docroot.UMLAUT));
        assertEquals("a%3Ab", PathMapper.encodeSegment("a:b"));
        assertEquals("%2541.txt", PathMapper.encodeSegment("%41.txt"));
        assertEquals("AZaz09-._~", PathMapper.encodeSegment("AZaz09-._~"));
        assertEquals("%22%27%3F%23%2F", PathMapper.encodeSegment("\"'?#/"));
    }

    @Test
    @DisplayName("the root is resolved to its real path; a missing or non-directory root fails at once")
    void rootChecks() throws IOException {
        Path link = base.resolve("root-link");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, docroot.root);
        }
        PathMapper viaLink = new PathMapper(link);
        assertEquals(docroot.root.toRealPath(), viaLink.root());
        assertNotEquals(link, viaLink.root());
        assertInstanceOf(PathMapping.Found.class, viaLink.map("/a/c.txt"));
        assertThrows(IllegalArgumentException.class, () -> new PathMapper(base.resolve("missing")));
        assertThrows(IllegalArgumentException.class, () -> new PathMapper(base.resolve("canary")));
        assertTrue(mapper.root().isAbsolute());
    }
}
