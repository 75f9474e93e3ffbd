package dev.flightplan.cli.commands;

import picocli.CommandLine.Command;

/** {@code retry ID}. */
@Command(
    name = "retry",
    description = "Start a rolled-back rollout again from its first phase (after a plan change).")
public final class RetryCommand extends ActionCommand {}
