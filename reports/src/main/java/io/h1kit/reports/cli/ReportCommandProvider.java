package io.h1kit.reports.cli;

import io.h1kit.cli.CommandProvider;

/** Adds {@code report} to the {@code h1kit} command line. */
public final class ReportCommandProvider implements CommandProvider {
    @Override
    public Object command() {
        return new ReportCommand();
    }
}
