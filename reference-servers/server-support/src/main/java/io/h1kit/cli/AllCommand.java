package io.h1kit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code h1kit all}: the main job, a shell script ({@code .ci/all}) because it runs the other
 * commands as separate processes, each under a time limit. Listed here so that {@code --help}
 * shows it; the ./h1kit launcher runs the script directly.
 */
@Command(name = "all", mixinStandardHelpOptions = false,
        description = {"The main job: builds if needed, runs conformance over every reference server, "
                + "the stress suite and the load scenarios, then writes one HTML report and prints its path.",
                "Options (--full, --with-nginx, --out DIR) and exit codes: h1kit all --help."})
final class AllCommand implements Callable<Integer> {
    static final String SCRIPT = ".ci/all";

    /** Everything after {@code all}, --help included: the script parses its own options. */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path home = KitHome.find().orElseThrow(() -> new Main.UsageException(
                "h1kit all runs from a checkout: use the ./h1kit launcher"));
        List<String> command = new ArrayList<>(List.of(home.resolve(SCRIPT).toString()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(home.toFile()).inheritIO().start().waitFor();
    }
}
