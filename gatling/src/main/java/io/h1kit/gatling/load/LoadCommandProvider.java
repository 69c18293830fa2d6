package io.h1kit.gatling.load;

import io.h1kit.cli.CommandProvider;

/** Adds {@code load} to the {@code h1kit} command line. */
public final class LoadCommandProvider implements CommandProvider {
    @Override
    public Object command() {
        return new LoadCommand();
    }
}
