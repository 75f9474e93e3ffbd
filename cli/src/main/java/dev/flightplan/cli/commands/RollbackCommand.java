package dev.flightplan.cli.commands;

import picocli.CommandLine.Command;

/** {@code rollback ID}. */
@Command(
    name = "rollback",
    description = "Take exposure back to zero / stable now. Asks first unless --yes.")
public final class RollbackCommand extends DestructiveActionCommand {}
