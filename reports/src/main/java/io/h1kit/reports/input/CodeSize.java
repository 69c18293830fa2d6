package io.h1kit.reports.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lines of code per module, main and test apart: lines that are neither blank nor only comment,
 * counted in {@code .java} files under each module's {@code src/main} and {@code src/test}. A
 * counter, not a parser: a {@code /*} inside a string literal would fool it, which no source in the
 * kit does on its own line.
 */
public record CodeSize(List<Module> modules) {
    /** The modules that every HTTP stage shares, shown apart from the stages' own code. */
    public static final List<String> SHARED_CORE = List.of("http-core", "server-support");

    public record Module(String path, long mainLines, long testLines) {
        public boolean sharedCore() {
            return SHARED_CORE.contains(Path.of(path).getFileName().toString());
        }
    }

    /** Every folder under {@code root} with a {@code pom.xml} and a {@code src/}, by path. */
    public static CodeSize scan(Path root) throws IOException {
        List<Module> modules = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(root, 4)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/")).sorted().toList()) {
                Path dir = pom.getParent();
                if (!Files.isDirectory(dir.resolve("src"))) {
                    continue;
                }
                String name = root.relativize(dir).toString();
                modules.add(new Module(name.isEmpty() ? "." : name, count(dir.resolve("src/main")),
                        count(dir.resolve("src/test"))));
            }
        }
        return new CodeSize(List.copyOf(modules));
    }

    static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).mapToLong(p -> {
                try {
                    return countLines(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** Non-blank lines that hold something besides comments. */
    public static long countLines(String source) {
        long lines = 0;
        boolean inBlock = false;
        for (String raw : source.split("\n", -1)) {
            String line = raw.strip();
            StringBuilder code = new StringBuilder();
            int i = 0;
            while (i < line.length()) {
                if (inBlock) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        i = line.length();
                    } else {
                        inBlock = false;
                        i = end + 2;
                    }
                } else if (line.startsWith("/*", i)) {
                    inBlock = true;
                    i += 2;
                } else if (line.startsWith("//", i)) {
                    i = line.length();
                } else {
                    code.append(line.charAt(i));
                    i++;
                }
            }
            if (!code.toString().isBlank()) {
                lines++;
            }
        }
        return lines;
    }

    /** Main lines of the shared core, which every HTTP stage also runs. */
    public long sharedCoreMain() {
        return modules.stream().filter(Module::sharedCore).mapToLong(Module::mainLines).sum();
    }

    /** The reference servers' own modules (each stage), without the shared core. */
    public List<Module> stages() {
        return modules.stream().filter(m -> m.path().startsWith("reference-servers/") && !m.sharedCore()).toList();
    }

    public long mainTotal() {
        return modules.stream().mapToLong(Module::mainLines).sum();
    }

    public long testTotal() {
        return modules.stream().mapToLong(Module::testLines).sum();
    }
}
