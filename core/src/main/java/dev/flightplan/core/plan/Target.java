package dev.flightplan.core.plan;

/** Where exposure is applied. */
public sealed interface Target {

  /** A feature flag whose exposure Flightplan stores for evaluation (docs/design.md §6). */
  record Flag(String flag) implements Target {}

  /**
   * A Lambda alias whose routing weight moves from the stable to the candidate version. The
   * variants of its metrics are the {@code ExecutedVersion} dimension of {@code AWS/Lambda}.
   */
  record LambdaAlias(String function, String alias, String stable, String candidate)
      implements Target {}
}
