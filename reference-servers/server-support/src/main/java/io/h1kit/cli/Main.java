package io.h1kit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ServiceLoader;

/**
 * The {@code h1kit} command line. Subcommands of this module are listed here; modules that come
 * later (the conformance suite, the load runner) add theirs through {@link CommandProvider}.
 *
 * <p>Exit codes: 0 success, 1 failure at run time (for example the port is taken), 2 usage error.
 */
@Command(name = "h1kit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {AllCommand.class, ServeCommand.class, TestCommand.class, CommandLine.HelpCommand.class},
        description = "A conformance and benchmarking kit for HTTP/1.1 and TCP echo servers.%n")
public final class Main implements Runnable {
    /** Usage errors: a bad flag, a missing argument, a folder that does not exist. */
    public static final int EXIT_USAGE = 2;
    /** The command ran and failed. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line with its output captured (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
            cli.addSubcommand(provider.command());
        }
        ServeCommand.describeStageDefaults(cli.getSubcommands().get("serve"));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::failure);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A usage error is one line and a hint, not a stack trace. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("h1kit: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        return EXIT_USAGE;
    }

    private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UsageException) {
            err.println("h1kit: " + e.getMessage());
            return EXIT_USAGE;
        }
        err.println("h1kit: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return EXIT_FAILURE;
    }

    /** A problem with what the user asked for, found after parsing (for example a missing folder). */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"h1kit " + (version == null ? "development build" : version)};
        }
    }
}
