package dev.flightplan.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanException;
import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.plan.PlanWriter;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PlanCacheTest {
  private static final String ALPHA = json(TestPlans.plan("alpha"));
  private static final String BETA = json(TestPlans.plan("beta"));
  private static final String GAMMA = json(TestPlans.plan("gamma"));

  private static final Duration IDLE = Duration.ofMinutes(10);

  private final List<String> parsed = new ArrayList<>();
  private long nanos = 42;

  @Test
  void anUnchangedPlanIsParsedOnceAndShared() {
    PlanCache cache = cache(10, 1_000_000);

    Plan first = cache.read(ALPHA);
    Plan again = cache.read(new String(ALPHA.toCharArray()));

    assertThat(again).isSameAs(first).isEqualTo(TestPlans.plan("alpha"));
    assertThat(parsed).containsExactly(ALPHA);
  }

  /** Same id, one more checklist item: another plan, never the cached one. */
  @Test
  void aChangedPlanOfTheSameRolloutIsReadAgain() {
    PlanCache cache = cache(10, 1_000_000);
    String changed = json(TestPlans.withChecklist("alpha", "on-call"));

    Plan before = cache.read(ALPHA);
    Plan after = cache.read(changed);

    assertThat(after).isNotEqualTo(before).isEqualTo(TestPlans.withChecklist("alpha", "on-call"));
    assertThat(cache.read(ALPHA)).isSameAs(before);
    assertThat(parsed).hasSize(2);
  }

  @Test
  void whenFullTheLeastRecentlyReadPlanMakesRoomOnceIdle() {
    PlanCache cache = cache(2, 1_000_000);
    cache.read(ALPHA);
    cache.read(BETA);
    nanos += IDLE.toNanos() / 2;
    cache.read(ALPHA); // BETA is now the least recently read
    nanos += IDLE.toNanos() / 2;

    cache.read(GAMMA);
    cache.read(ALPHA);
    cache.read(GAMMA);
    cache.read(BETA);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(parsed).containsExactly(ALPHA, BETA, GAMMA, BETA);
  }

  /** A tick over more rollouts than there is room for: the cached plans keep hitting. */
  @Test
  void whenFullAndEveryPlanIsInUseANewPlanIsReadButNotKept() {
    PlanCache cache = cache(2, 1_000_000);
    for (int tick = 0; tick < 3; tick++) {
      cache.read(ALPHA);
      cache.read(BETA);
      cache.read(GAMMA);
      nanos += Duration.ofMinutes(1).toNanos();
    }

    assertThat(cache.size()).isEqualTo(2);
    assertThat(parsed).containsExactly(ALPHA, BETA, GAMMA, GAMMA, GAMMA);
  }

  @Test
  void theTotalLengthOfJsonIsBoundedToo() {
    PlanCache cache = cache(10, ALPHA.length() + BETA.length());
    cache.read(ALPHA);
    cache.read(BETA);
    cache.read(GAMMA); // as long as ALPHA, and no room: read, not kept
    nanos += IDLE.toNanos();

    cache.read(GAMMA); // ALPHA is idle now and makes room
    cache.read(BETA);
    cache.read(ALPHA);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(parsed).containsExactly(ALPHA, BETA, GAMMA, GAMMA, ALPHA);
  }

  @Test
  void aPlanLongerThanTheWholeBudgetIsReadButNotKept() {
    PlanCache cache = cache(10, ALPHA.length() - 1);

    assertThat(cache.read(ALPHA)).isEqualTo(cache.read(ALPHA));

    assertThat(cache.size()).isZero();
    assertThat(parsed).hasSize(2);
  }

  @Test
  void aPlanThatFailsToReadFailsEveryTimeAndIsNotKept() {
    PlanCache cache = cache(10, 1_000_000);
    String broken = ALPHA.replace("\"percent\":50,", "\"percent\":500,");
    assertThat(broken).isNotEqualTo(ALPHA);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cache.read(broken)).isInstanceOf(PlanException.class);
    }

    assertThat(cache.size()).isZero();
    assertThat(parsed).hasSize(2);
  }

  /** The store's own cache: two reads of an item share one parsed plan. */
  @Test
  void theRolloutSchemaReadsAnUnchangedPlanOnce() {
    Rollout rollout =
        new Rollout(TestPlans.plan("delta"), RolloutState.draft(Instant.EPOCH.plusSeconds(60)), 3);
    Map<String, AttributeValue> item = RolloutSchema.SCHEMA.itemToMap(rollout, true);

    Rollout first = RolloutSchema.SCHEMA.mapToItem(item);
    Rollout second = RolloutSchema.SCHEMA.mapToItem(item);

    assertThat(second).isEqualTo(first).isEqualTo(rollout);
    assertThat(second.plan()).isSameAs(first.plan());
  }

  /** As the store writes it. */
  private static String json(Plan plan) {
    return PlanWriter.toTree(plan).toString();
  }

  private PlanCache cache(int maxPlans, long maxChars) {
    return new PlanCache(
        maxPlans,
        maxChars,
        IDLE,
        () -> nanos,
        json -> {
          parsed.add(json);
          return PlanReader.read(PlanReader.tree(json, PlanFormat.JSON));
        });
  }
}
