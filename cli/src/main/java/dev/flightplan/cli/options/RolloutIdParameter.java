package dev.flightplan.cli.options;

import picocli.CommandLine.Parameters;

/** {@code ID}: the rollout a command acts on, always the first positional parameter. */
public final class RolloutIdParameter {
  @Parameters(index = "0", paramLabel = "ID", description = "The rollout id.")
  private String id;

  public String get() {
    return id;
  }
}
