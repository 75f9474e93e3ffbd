package dev.flightplan.cli.commands;

import picocli.CommandLine.Command;

/** {@code promote ID}. */
@Command(
    name = "promote",
    description = "Move to the next phase now, skipping the rest of the bake.")
public final class PromoteCommand extends ActionCommand {}
