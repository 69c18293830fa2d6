package io.h1kit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the kit's checkout is, as the launcher tells it with {@code -Dh1kit.home}. */
final class KitHome {
    static final String PROPERTY = "h1kit.home";

    private KitHome() {
    }

    static Optional<Path> find() {
        String home = System.getProperty(PROPERTY);
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(home);
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
}
