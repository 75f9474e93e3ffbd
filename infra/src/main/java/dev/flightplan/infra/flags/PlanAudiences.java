package dev.flightplan.infra.flags;

import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.evaluation.Audience;
import java.util.Map;

/** The audience definitions of a rollout's plan, in plan order. */
@FunctionalInterface
public interface PlanAudiences {
  Map<String, Audience> of(String rolloutId);

  /** Reads them from the stored plan: one read, only when the exposure names an audience. */
  static PlanAudiences from(RolloutStore store) {
    return id -> store.get(id).map(r -> r.plan().audiences()).orElse(Map.of());
  }
}
