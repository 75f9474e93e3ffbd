package dev.flightplan.cli.commands;

import picocli.CommandLine.Command;

/** {@code pause ID}. */
@Command(name = "pause", description = "Pause a rollout: exposure stays, nothing advances.")
public final class PauseCommand extends ActionCommand {}
