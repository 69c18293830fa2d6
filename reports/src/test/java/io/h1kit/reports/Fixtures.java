package io.h1kit.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** The recorded fixture data under src/test/resources/fixture, and a small source tree. */
public final class Fixtures {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T21:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    public static Path fixture(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixture/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies only the load run of the results folder, so that the other sections have no input. */
    public static Path loadOnly(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.copy(fixture("results/load.json"), dir.resolve("load.json"));
        return dir;
    }

    /**
     * A source tree of two modules, http-core (shared core, with a JaCoCo report) and eventloop:
     * 4 + 1 lines of main code in http-core, 2 in its tests, 1 in eventloop.
     */
    public static Path sourceTree(Path root) throws IOException {
        write(root.resolve("pom.xml"), "<project/>");
        Path core = root.resolve("reference-servers/http-core");
        write(core.resolve("pom.xml"), "<project/>");
        write(core.resolve("src/main/java/a/A.java"), """
                package a;

                /** A class. */
                final class A { // counted
                    /* a block
                       comment */
                    int x;
                }
                """);
        write(core.resolve("src/main/java/a/B.java"), "package a; record B() {}\n");
        write(core.resolve("src/test/java/a/ATest.java"), "package a;\n// nothing\nclass ATest {}\n");
        write(core.resolve("target/site/jacoco/jacoco.xml"), """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
                <report name="http-core">
                  <package name="a"><counter type="LINE" missed="9" covered="1"/></package>
                  <counter type="INSTRUCTION" missed="10" covered="30"/>
                  <counter type="BRANCH" missed="1" covered="3"/>
                  <counter type="LINE" missed="25" covered="75"/>
                </report>
                """);
        Path loop = root.resolve("reference-servers/eventloop");
        write(loop.resolve("pom.xml"), "<project/>");
        write(loop.resolve("src/main/java/b/C.java"), "package b;\n\n");
        return root;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static long count(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
