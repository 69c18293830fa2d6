package io.h1kit.eventloop;

import io.h1kit.http.files.FileOptions;
import io.h1kit.server.testing.StageBasicsTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The file tree the event-loop server's tests serve. */
final class Docroot {
    /** 1000 bytes, "0123456789" repeated: small, so it comes from the file cache. */
    static final String F_CONTENT = StageBasicsTest.F_CONTENT;
    /** 8,000 bytes: the largest kind the file cache keeps, so eight pipelined responses fill a pooled buffer four times. */
    static final String M_CONTENT = "abcdefgh".repeat(1_000);
    /** Bytes of big.bin: far over the file cache's limit and the socket buffers, so it goes by transferTo. */
    static final int BIG_BYTES = 4 * 1024 * 1024 + 17;

    private Docroot() {
    }

    static FileOptions create(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("f.txt"), F_CONTENT, StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("m.txt"), M_CONTENT, StandardCharsets.US_ASCII);
        byte[] big = new byte[BIG_BYTES];
        new Random(42).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        return FileOptions.defaults(root);
    }
}
