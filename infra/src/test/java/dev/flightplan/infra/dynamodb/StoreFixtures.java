package dev.flightplan.infra.dynamodb;

import static dev.flightplan.core.service.TestPlans.T0;

import dev.flightplan.core.plan.AlarmBinding;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rollouts and history entries for the store's integration tests. */
final class StoreFixtures {
  private StoreFixtures() {}

  static Rollout draft(String id) {
    return new Rollout(TestPlans.plan(id), RolloutState.draft(T0), 0);
  }

  static Rollout running(Rollout r, Instant next) {
    return new Rollout(
        r.plan(),
        r.state().toBuilder().status(RolloutStatus.RUNNING).nextEvaluationAt(next).build(),
        r.version());
  }

  static Rollout withAlarms(Rollout r, String... alarms) {
    Plan p = r.plan();
    List<AlarmBinding> bindings =
        java.util.Arrays.stream(alarms).map(a -> new AlarmBinding(a, false)).toList();
    Plan plan =
        new Plan(
            p.id(),
            p.description(),
            p.risk(),
            p.strategy(),
            p.target(),
            p.audiences(),
            p.phases(),
            p.metrics(),
            p.gates(),
            bindings,
            p.window(),
            p.notifications(),
            p.checklist());
    return new Rollout(plan, r.state(), r.version());
  }

  static HistoryEntry entry(String id, long seq) {
    return new HistoryEntry(
        id,
        seq,
        T0.plusSeconds(seq),
        "controller",
        "ADVANCE",
        RolloutStatus.RUNNING,
        RolloutStatus.RUNNING,
        1,
        null,
        Map.of("error_rate", 0.5),
        "step " + seq);
  }
}
