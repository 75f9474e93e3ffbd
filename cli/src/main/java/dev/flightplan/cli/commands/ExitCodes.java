package dev.flightplan.cli.commands;

import dev.flightplan.cli.api.ApiProblem;

/** The exit codes of every command; scripts depend on them, so they never change meaning. */
public final class ExitCodes {
  /** Done as asked. */
  public static final int OK = 0;

  /** Anything else: the API could not be reached, or failed. */
  public static final int ERROR = 1;

  /** Invalid input: a plan with errors, a bad option, a request the API refused as invalid. */
  public static final int INVALID = 2;

  /** No such rollout, flag or checklist item. */
  public static final int NOT_FOUND = 3;

  /** Refused: not allowed in the rollout's state, a stale version, or not confirmed. */
  public static final int REFUSED = 4;

  /** {@code status}: the rollout ended ROLLED_BACK or ABORTED. */
  public static final int ENDED_BADLY = 5;

  /** {@code status}: the rollout was still going when the timeout passed. */
  public static final int TIMEOUT = 6;

  private ExitCodes() {}

  /** The exit code of an API error answer. */
  public static int of(ApiProblem problem) {
    return switch (problem.status()) {
      case 400, 413, 415 -> INVALID;
      case 404 -> NOT_FOUND;
      case 409, 412, 428 -> REFUSED;
      default -> ERROR;
    };
  }
}
