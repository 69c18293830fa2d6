package io.h1kit.threadpool;

import io.h1kit.http.files.FileOptions;
import io.h1kit.server.testing.StageBasicsTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small file tree the thread-pool server's tests serve. */
final class Docroot {
    /** 1000 bytes, "0123456789" repeated. */
    static final String F_CONTENT = StageBasicsTest.F_CONTENT;

    private Docroot() {
    }

    static FileOptions create(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("f.txt"), F_CONTENT, StandardCharsets.US_ASCII);
        return FileOptions.defaults(root);
    }
}
