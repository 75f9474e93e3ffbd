package dev.flightplan.core.port.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagEvaluation.Reason;
import dev.flightplan.evaluation.FlagExposure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreFlagSourceTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String FLAG = "new-search";

  private final InMemoryRolloutStore store = new InMemoryRolloutStore();
  private final StoreFlagSource flags = new StoreFlagSource(store);

  @Test
  void aFlagNoRolloutTargetsIsUnknown() {
    store(plan("other", "other-flag"), RolloutStatus.RUNNING, 0, T0);

    assertThat(flags.find(FLAG)).isEmpty();
  }

  @Test
  void aRunningRolloutExposesItsCurrentPhaseSaltedWithItsId() {
    store(plan("search-1", FLAG), RolloutStatus.RUNNING, 1, T0);

    FlagExposure flag = flags.find(FLAG).orElseThrow();

    assertThat(flag.flagKey()).isEqualTo(FLAG);
    assertThat(flag.salt()).isEqualTo("search-1");
    assertThat(flag.rolloutId()).isEqualTo("search-1");
    assertThat(flag.exposure()).isEqualTo(new Exposure(500, Set.of("staff")));
    assertThat(flag.audiences()).containsOnlyKeys("staff");
    assertThat(flag.updatedAt()).isEqualTo(T0);
    assertThat(flag.evaluate("u-1", Map.of("email", "ana@example.com")).reason())
        .isEqualTo(Reason.AUDIENCE);
  }

  @Test
  void aDraftExposesNothing() {
    store(plan("search-1", FLAG), RolloutStatus.DRAFT, -1, T0);

    FlagExposure flag = flags.find(FLAG).orElseThrow();

    assertThat(flag.exposure()).isEqualTo(Exposure.NONE);
    assertThat(flag.evaluate("u-1", Map.of()).reason()).isEqualTo(Reason.OFF);
  }

  @Test
  void theNewestLiveRolloutWinsOverANewerOneThatExposesNothing() {
    store(plan("search-1", FLAG), RolloutStatus.COMPLETED, 1, T0);
    store(plan("search-2", FLAG), RolloutStatus.ROLLED_BACK, 0, T0.plus(Duration.ofDays(1)));

    assertThat(flags.find(FLAG).orElseThrow().rolloutId()).isEqualTo("search-1");
  }

  @Test
  void withNoLiveRolloutTheNewestAnswersWithNothingExposed() {
    store(plan("search-1", FLAG), RolloutStatus.ABORTED, 0, T0);
    store(plan("search-2", FLAG), RolloutStatus.DRAFT, -1, T0.plus(Duration.ofDays(1)));

    FlagExposure flag = flags.find(FLAG).orElseThrow();

    assertThat(flag.rolloutId()).isEqualTo("search-2");
    assertThat(flag.exposure()).isEqualTo(Exposure.NONE);
  }

  @Test
  void itPagesThroughEveryRollout() {
    store(plan("search-1", FLAG), RolloutStatus.RUNNING, 0, T0);
    for (int i = 0; i < 250; i++) {
      store(plan("other-" + i, "other-flag"), RolloutStatus.RUNNING, 0, T0.plusSeconds(1 + i));
    }

    assertThat(flags.find(FLAG).orElseThrow().rolloutId()).isEqualTo("search-1");
  }

  private void store(Plan plan, RolloutStatus status, int phase, Instant at) {
    RolloutState state =
        RolloutState.draft(at).toBuilder().status(status).phase(phase).updatedAt(at).build();
    store.create(new Rollout(plan, state, 0), List.of());
  }

  private static Plan plan(String id, String flag) {
    return PlanReader.read(
        """
        rollout: %s
        target: { type: flag, flag: %s }
        audiences:
          staff: { attribute: email, endsWith: "@example.com" }
        phases:
          - { name: internal, audiences: [staff], bake: 1h }
          - { name: five, percent: 5, bake: 1h }
          - { name: all, percent: 100 }
        alarms: [search-5xx]
        """
            .formatted(id, flag));
  }
}
