package dev.flightplan.cli.commands;

import picocli.CommandLine.Command;

/** {@code resume ID}. */
@Command(name = "resume", description = "Resume a paused rollout.")
public final class ResumeCommand extends ActionCommand {}
