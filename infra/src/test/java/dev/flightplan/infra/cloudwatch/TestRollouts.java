package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Rollouts read from plan YAML, as a user would write them, for the CloudWatch tests. */
final class TestRollouts {
  /** A Monday, 09:07:30 UTC: not on any period boundary, so alignment shows. */
  static final Instant NOW = Instant.parse("2025-03-03T09:07:30Z");

  static final String FLAG_TARGET = "target: { type: flag, flag: search }\n";
  static final String ALIAS_TARGET =
      "target: { type: lambda-alias, function: search-api, alias: live, stable: \"41\","
          + " candidate: \"42\" }\n";

  /** A ratio with variants: 2 parts × 2 variants = 4 queries per rollout. */
  static final String ERROR_RATE =
      """
      metrics:
        error_rate:
          ratio: { numerator: Errors, denominator: Invocations }
          namespace: Search
          dimensions: { Service: search, Variant: "${variant}" }
          unit: percent
      """;

  /** The docs/design.md §2 example's three metrics: 4 + 6 + 4 = 14 queries per rollout. */
  static final String DESIGN_METRICS =
      ERROR_RATE
          + "  latency_p95: { namespace: Search, metric: Latency, stat: p95,"
          + " dimensions: { Variant: \"${variant}\" } }\n"
          + "  search_quality: { namespace: Search, metric: QualityScore, stat: Average,"
          + " dimensions: { Variant: \"${variant}\" } }\n";

  private TestRollouts() {}

  static Rollout rollout(String id, String target, String metrics) {
    Plan plan = PlanReader.read("rollout: " + id + "\nalarms: [x-5xx]\n" + target + metrics);
    return new Rollout(plan, RolloutState.draft(NOW), 1);
  }

  /** A rollout running its first phase, which began at {@code phaseStartedAt}. */
  static Rollout running(String id, String metrics, Instant phaseStartedAt) {
    Rollout draft = rollout(id, metrics);
    RolloutState state =
        draft.state().toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(0)
            .phaseStartedAt(phaseStartedAt)
            .build();
    return new Rollout(draft.plan(), state, 1);
  }

  static Rollout rollout(String id, String metrics) {
    return rollout(id, FLAG_TARGET, metrics);
  }

  /** {@code n} rollouts {@code r0…} with the same metrics. */
  static List<Rollout> rollouts(int n, String metrics) {
    List<Rollout> rollouts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rollouts.add(rollout("r" + i, metrics));
    }
    return rollouts;
  }
}
