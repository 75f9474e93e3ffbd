package dev.flightplan.cli.commands;

import picocli.CommandLine.Command;

/** {@code abort ID}. */
@Command(
    name = "abort",
    description =
        "Stop a rollout for good, exposure back to zero / stable. Asks first unless --yes.")
public final class AbortCommand extends DestructiveActionCommand {}
