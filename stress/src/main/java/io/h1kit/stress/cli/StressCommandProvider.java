package io.h1kit.stress.cli;

import io.h1kit.cli.CommandProvider;

/** Adds {@code stress} to the {@code h1kit} command line. */
public final class StressCommandProvider implements CommandProvider {
    @Override
    public Object command() {
        return new StressCommand();
    }
}
