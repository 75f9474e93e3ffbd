package dev.flightplan.functions.parity;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Audience.Match;
import dev.flightplan.evaluation.Exposure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of the parity test: off, percentages from 1 % to 100 % (one with two decimals),
 * audiences only, and audiences with a percentage, each of its own rollout (so its own salt). The
 * plan's audiences use every kind of match.
 */
final class ParityFlags {
  /** One flag as a rollout sets it. */
  record Flag(String key, String rolloutId, Exposure exposure) {
    Flag(String key, int basisPoints, Set<String> audiences) {
      this(key, key + "-2026-11", new Exposure(basisPoints, audiences));
    }
  }

  static final List<Flag> FLAGS =
      List.of(
          new Flag("parity-off", 0, Set.of()),
          new Flag("parity-1", 100, Set.of()),
          new Flag("parity-5", 500, Set.of()),
          new Flag("parity-12.34", 1_234, Set.of()),
          new Flag("parity-50", 5_000, Set.of()),
          new Flag("parity-100", 10_000, Set.of()),
          new Flag("parity-audiences", 0, Set.of("employees", "beta")),
          new Flag("parity-audiences-25", 2_500, Set.of("employees", "benelux", "platform-team")));

  /** The plan's audiences, in plan order: the first that matches is the one named. */
  static final Map<String, Audience> PLAN_AUDIENCES = planAudiences();

  private ParityFlags() {}

  private static Map<String, Audience> planAudiences() {
    Map<String, Audience> audiences = new LinkedHashMap<>();
    audiences.put("employees", new Audience("email", Match.ENDS_WITH, List.of("@example.com")));
    audiences.put("beta", new Audience("beta", Match.EQUALS, List.of("true")));
    audiences.put("benelux", new Audience("country", Match.IN, List.of("NL", "BE", "LU")));
    audiences.put("platform-team", new Audience("team", Match.STARTS_WITH, List.of("platform-")));
    return audiences;
  }
}
