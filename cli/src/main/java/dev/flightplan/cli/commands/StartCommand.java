package dev.flightplan.cli.commands;

import picocli.CommandLine.Command;

/** {@code start ID}. */
@Command(name = "start", description = "Start a DRAFT rollout (its checklist must be done).")
public final class StartCommand extends ActionCommand {}
