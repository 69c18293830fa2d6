package io.h1kit.cli;

/**
 * Adds a subcommand to {@code h1kit} from another module, found with ServiceLoader
 * ({@code META-INF/services/io.h1kit.cli.CommandProvider}).
 */
public interface CommandProvider {
    /** A picocli {@code @Command} object. */
    Object command();
}
