package dev.flightplan.functions.api;

import dev.flightplan.functions.http.ParameterRule;

/**
 * What the API's path parameters may hold: the plan reader's own rules for the names they refer to
 * (core/plan), so a value the store could never hold is refused before the store is asked.
 */
final class PathParameters {
  /** A plan's {@code rollout}. */
  static final ParameterRule ROLLOUT_ID =
      ParameterRule.matching(
          "[a-z0-9][a-z0-9._-]{0,62}",
          "1 to 63 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");

  /** A plan's {@code target.flag}. */
  static final ParameterRule FLAG_KEY =
      ParameterRule.matching(
          "[A-Za-z0-9][A-Za-z0-9._-]{0,127}",
          "1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");

  /** An item of a plan's {@code checklist}. */
  static final ParameterRule CHECKLIST_ITEM =
      ParameterRule.matching(
          "[A-Za-z0-9][A-Za-z0-9._-]{0,62}",
          "1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");

  private PathParameters() {}
}
