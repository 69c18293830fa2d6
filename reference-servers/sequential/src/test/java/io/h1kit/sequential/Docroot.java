package io.h1kit.sequential;

import io.h1kit.http.files.FileOptions;
import io.h1kit.server.testing.StageBasicsTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** The known file tree the sequential server's tests serve. */
final class Docroot {
    /** 1000 bytes, "0123456789" repeated: a range's content is easy to predict. */
    static final String F_CONTENT = StageBasicsTest.F_CONTENT;
    static final Instant MODIFIED = Instant.parse("2024-03-01T12:00:00Z");

    private Docroot() {
    }

    static FileOptions create(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("f.txt"), F_CONTENT, StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(root.resolve("f.txt"), FileTime.from(MODIFIED));
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/c.txt"), "c\n");
        Files.createDirectories(root.resolve("site"));
        Files.writeString(root.resolve("site/index.html"), "<!DOCTYPE html><title>site</title>");
        Path errors = Files.createDirectories(dir.resolve("errors"));
        Files.writeString(errors.resolve("404.html"), "<!DOCTYPE html><title>custom 404</title><p>custom not found page");
        return new FileOptions(root, true, 60, errors);
    }
}
