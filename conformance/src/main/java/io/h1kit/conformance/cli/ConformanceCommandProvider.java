package io.h1kit.conformance.cli;

import io.h1kit.cli.CommandProvider;

/** Adds {@code conformance} to the {@code h1kit} command line. */
public final class ConformanceCommandProvider implements CommandProvider {
    @Override
    public Object command() {
        return new ConformanceCommand();
    }
}
