package io.h1kit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code h1kit test}: the full test build, as CI runs it. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the full test build (./mvnw -B verify): unit tests, the servers over raw sockets, "
                + "and every suite that has landed.",
                "The ./h1kit launcher runs it directly, without building first."})
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "MAVEN_ARG", description = "Extra arguments for Maven, for example -pl reference-servers/http-core.")
    List<String> mavenArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path home = KitHome.find().orElseThrow(() -> new Main.UsageException(
                "h1kit test runs from a checkout: use the ./h1kit launcher"));
        List<String> command = new ArrayList<>(List.of(home.resolve("mvnw").toString(), "-B", "verify"));
        command.addAll(mavenArgs);
        Process process = new ProcessBuilder(command).directory(home.toFile()).inheritIO().start();
        return process.waitFor();
    }
}
