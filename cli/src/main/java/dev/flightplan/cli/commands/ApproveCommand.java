package dev.flightplan.cli.commands;

import picocli.CommandLine.Command;

/** {@code approve ID}. */
@Command(name = "approve", description = "Approve the phase a rollout is waiting for.")
public final class ApproveCommand extends ActionCommand {}
