package io.h1kit.conformance.report;

import io.h1kit.conformance.model.Budgets;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one-line commands the reports print to re-run a case: the target, the profile and the id,
 * plus whatever the run had that changes the verdict (strict, claims, Host value, budgets).
 */
public final class Rerun {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Rerun() {
    }

    /** {@code ./h1kit conformance --target HOST:PORT --profile P --include ID}, and the options that matter. */
    public static String command(RunResult run, String caseId) {
        List<String> args = new ArrayList<>(List.of("./h1kit", "conformance", "--target", run.target().hostPort(),
                "--profile", run.options().profile().label(), "--include", caseId));
        RunOptions o = run.options();
        if (o.strict()) {
            args.add("--strict");
        }
        if (!o.claimed().isEmpty()) {
            args.add("--claim");
            args.add(o.claimed().stream().map(Capability::label).sorted().collect(Collectors.joining(",")));
        }
        if (!o.probe()) {
            args.add("--no-probe");
        }
        if (!RunOptions.HOST.equals(o.host())) {
            args.add("--host-header");
            args.add(o.host());
        }
        Budgets b = o.budgets();
        addDuration(args, "--response-timeout", b.response(), Budgets.RESPONSE);
        addDuration(args, "--close-window", b.closeWindow(), Budgets.CLOSE_WINDOW);
        addDuration(args, "--server-timeout", b.serverTimeout(), Budgets.SERVER_TIMEOUT);
        return join(args);
    }

    private static void addDuration(List<String> args, String flag, Duration value, Duration defaultValue) {
        if (!value.equals(defaultValue)) {
            args.add(flag);
            args.add(value.toMillis() % 1000 == 0 ? value.toSeconds() + "s" : value.toMillis() + "ms");
        }
    }

    /** Arguments as one POSIX shell line, each quoted only where it needs it. */
    public static String join(List<String> args) {
        return args.stream().map(Rerun::quote).collect(Collectors.joining(" "));
    }

    static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
