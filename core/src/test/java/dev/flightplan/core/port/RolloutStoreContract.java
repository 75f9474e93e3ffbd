package dev.flightplan.core.port;

import static dev.flightplan.core.service.TestPlans.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.AlarmBinding;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.UnreadableRollout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One behaviour for every {@link RolloutStore}: extend it with a fresh, empty store per test. The
 * in-memory store runs it as a unit test, the DynamoDB store as an integration test.
 */
public abstract class RolloutStoreContract {
  private RolloutStore store;

  /** A new, empty store whose due index has {@code dueShards} shards. */
  protected abstract RolloutStore newStore(int dueShards);

  /**
   * Makes the stored plan of {@code id} unreadable, as another version of Flightplan might have
   * written it, leaving its state and target as they are.
   */
  protected abstract void corruptPlan(RolloutStore store, String id);

  @BeforeEach
  void freshStore() {
    store = newStore(1);
  }

  @Test
  void createStoresAtVersionOneAndGetReturnsIt() {
    Rollout created = store.create(draft("alpha", T0), List.of(entry("alpha", 1)));

    assertThat(created.version()).isEqualTo(1);
    assertThat(store.get("alpha")).contains(created);
    assertThat(store.get("missing")).isEmpty();
  }

  @Test
  void getForUpdateAnswersTheStoredRolloutWhateverTheVersionAsked() {
    Rollout v1 = store.create(draft("alpha", T0), List.of());
    Rollout v2 = store.update(withStatus(v1, RolloutStatus.RUNNING), List.of());

    assertThat(store.getForUpdate("alpha", 2)).contains(v2);
    assertThat(store.getForUpdate("alpha", 1)).contains(v2);
    assertThat(store.getForUpdate("missing", 1)).isEmpty();
  }

  @Test
  void createRefusesATakenId() {
    store.create(draft("alpha", T0), List.of());

    assertThatThrownBy(() -> store.create(draft("alpha", T0.plusSeconds(1)), List.of()))
        .isInstanceOf(RolloutExistsException.class)
        .hasMessageContaining("alpha");
    assertThat(store.get("alpha").orElseThrow().state().createdAt()).isEqualTo(T0);
  }

  @Test
  void updateIsConditionalOnTheVersionRead() {
    Rollout v1 = store.create(draft("alpha", T0), List.of());
    Rollout v2 = store.update(withStatus(v1, RolloutStatus.RUNNING), List.of());

    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.get("alpha").orElseThrow().state().status()).isEqualTo(RolloutStatus.RUNNING);
  }

  @Test
  void aStaleUpdateFailsWithTheCurrentRollout() {
    Rollout v1 = store.create(draft("alpha", T0), List.of());
    Rollout v2 = store.update(withStatus(v1, RolloutStatus.RUNNING), List.of());

    assertThatThrownBy(() -> store.update(withStatus(v1, RolloutStatus.ABORTED), List.of()))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.current()).isEqualTo(v2));
    assertThat(store.get("alpha")).contains(v2);
  }

  @Test
  void historyIsAppendOnlyAndInOrder() {
    Rollout v1 = store.create(draft("alpha", T0), List.of(entry("alpha", 1)));
    store.update(v1, List.of(entry("alpha", 2), entry("alpha", 3)));
    try {
      store.update(v1, List.of(entry("alpha", 4)));
    } catch (VersionConflictException expected) {
      // a lost race appends nothing
    }

    assertThat(store.history("alpha")).extracting(HistoryEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(store.history("alpha").get(1)).isEqualTo(entry("alpha", 2));
    assertThat(store.history("missing")).isEmpty();
  }

  @Test
  void gateValuesOfAnyMagnitudeAreStoredAndReadBackExactly() {
    // A p-value of 1E-200 is below the smallest number DynamoDB holds; a rollback that carries
    // it must still be written.
    HistoryEntry rollback =
        new HistoryEntry(
            "alpha",
            2,
            T0.plusSeconds(2),
            "controller",
            "ROLLBACK",
            RolloutStatus.RUNNING,
            RolloutStatus.ROLLED_BACK,
            -1,
            "error_rate-rollback",
            Map.of("p", 1e-200, "huge", 1e200, "rate", 0.0791, "zero", 0.0, "odd", Double.NaN),
            "error_rate 7.91% > 5%");
    Rollout v1 = store.create(draft("alpha", T0), List.of(entry("alpha", 1)));
    store.update(v1, List.of(rollback));

    assertThat(store.history("alpha").get(1)).isEqualTo(rollback);
  }

  @Test
  void dueReturnsRolloutsAtOrBeforeNowInTimeOrder() {
    createDue("late", T0.plusSeconds(60));
    createDue("on-time", T0);
    createDue("early", T0.minusSeconds(60));
    createDue("never", null);

    Page<Rollout> page = store.due(0, T0, null, 10);

    assertThat(page.items()).extracting(Rollout::id).containsExactly("early", "on-time");
    assertThat(page.nextToken()).isNull();
  }

  @Test
  void duePagesWithoutRepeatsEvenWhenItemsChangeInBetween() {
    for (int i = 0; i < 5; i++) {
      createDue("r" + i, T0.minusSeconds(100 - i));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      Page<Rollout> page = store.due(0, T0, token, 2);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      for (Rollout r : page.items()) {
        seen.add(r.id());
        store.update(withNextEvaluation(r, T0.plusSeconds(60)), List.of());
      }
      token = page.nextToken();
    } while (token != null);

    assertThat(seen).containsExactly("r0", "r1", "r2", "r3", "r4");
  }

  @Test
  void withSeveralShardsEveryDueRolloutIsInExactlyOneShard() {
    store = newStore(4);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      createDue("s" + i, T0.minusSeconds(i));
      expected.add("s" + i);
    }
    createDue("later", T0.plusSeconds(60));
    List<String> seen = new ArrayList<>();
    for (int shard = 0; shard < store.dueShards(); shard++) {
      String token = null;
      do {
        Page<Rollout> page = store.due(shard, T0, token, 5);
        for (Rollout r : page.items()) {
          assertThat(DueShards.of(r.id(), 4)).isEqualTo(shard);
          seen.add(r.id());
        }
        token = page.nextToken();
      } while (token != null);
    }

    assertThat(store.dueShards()).isEqualTo(4);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    assertThatThrownBy(() -> store.due(4, T0, null, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listIsNewestFirstWithStatusFilterAndPaging() {
    for (int i = 0; i < 5; i++) {
      Rollout r = store.create(draft("r" + i, T0.plus(Duration.ofMinutes(i))), List.of());
      if (i % 2 == 0) {
        store.update(withStatus(r, RolloutStatus.RUNNING), List.of());
      }
    }

    assertThat(allPages(null)).containsExactly("r4", "r3", "r2", "r1", "r0");
    assertThat(allPages(RolloutStatus.RUNNING)).containsExactly("r4", "r2", "r0");
    assertThat(allPages(RolloutStatus.COMPLETED)).isEmpty();
  }

  @Test
  void alarmBindingsMatchByNameAndByArn() {
    store.create(draft("by-name", T0), List.of());
    String arn = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + TestPlans.ALARM;
    Plan other = TestPlans.plan("other");
    Plan unbound =
        new Plan(
            other.id(),
            other.description(),
            other.risk(),
            other.strategy(),
            other.target(),
            other.audiences(),
            other.phases(),
            other.metrics(),
            other.gates(),
            List.of(new AlarmBinding("unrelated", false)),
            other.window(),
            other.notifications(),
            other.checklist());
    store.create(new Rollout(unbound, RolloutState.draft(T0), 0), List.of());

    assertThat(store.rolloutsBoundTo(TestPlans.ALARM)).containsExactly("by-name");
    assertThat(store.rolloutsBoundTo(arn)).containsExactly("by-name");
    assertThat(store.rolloutsBoundTo(TestPlans.ARN_ALARM)).containsExactly("by-name");
    assertThat(store.rolloutsBoundTo(TestPlans.ARN)).containsExactly("by-name");
    assertThat(store.rolloutsBoundTo("nobody")).isEmpty();
  }

  @Test
  void markProcessedIsTrueOnlyTheFirstTime() {
    Instant expires = T0.plus(Duration.ofDays(1));

    assertThat(store.isProcessed("tick:" + T0)).isFalse();
    assertThat(store.markProcessed("tick:" + T0, expires)).isTrue();
    assertThat(store.markProcessed("tick:" + T0, expires)).isFalse();
    assertThat(store.isProcessed("tick:" + T0)).isTrue();
    assertThat(store.markProcessed("tick:" + T0.plusSeconds(60), expires)).isTrue();
  }

  @Test
  void aRolloutWhosePlanDoesNotReadIsUnreadableWithItsStateAndTarget() {
    createDue("alpha", T0);
    corruptPlan(store, "alpha");

    assertThatThrownBy(() -> store.get("alpha"))
        .isInstanceOfSatisfying(
            UnreadableRolloutException.class,
            e -> {
              UnreadableRollout unreadable = e.rollout();
              assertThat(unreadable.id()).isEqualTo("alpha");
              assertThat(unreadable.version()).isEqualTo(2);
              assertThat(unreadable.state().status()).isEqualTo(RolloutStatus.RUNNING);
              assertThat(unreadable.state().createdAt()).isEqualTo(T0);
              assertThat(unreadable.target()).contains(TestPlans.plan("alpha").target());
              assertThat(unreadable.problem()).isNotBlank();
            });
    assertThat(store.rolloutsBoundTo(TestPlans.ALARM)).containsExactly("alpha");
  }

  @Test
  void dueAndListSetUnreadableRolloutsApartAndGoOn() {
    createDue("r0", T0.minusSeconds(30));
    createDue("r1", T0.minusSeconds(20));
    createDue("r2", T0.minusSeconds(10));
    corruptPlan(store, "r1");

    Page<Rollout> due = store.due(0, T0, null, 10);
    Page<Rollout> list = store.list(RolloutStatus.RUNNING, null, 10);

    assertThat(due.items()).extracting(Rollout::id).containsExactly("r0", "r2");
    assertThat(due.unreadable()).extracting(UnreadableRollout::id).containsExactly("r1");
    assertThat(list.items()).extracting(Rollout::id).containsExactlyInAnyOrder("r0", "r2");
    assertThat(list.unreadable()).extracting(UnreadableRollout::id).containsExactly("r1");
    List<String> paged = new ArrayList<>();
    String token = null;
    do {
      Page<Rollout> page = store.due(0, T0, token, 1);
      page.items().forEach(r -> paged.add(r.id()));
      page.unreadable().forEach(r -> paged.add(r.id()));
      token = page.nextToken();
    } while (token != null);
    assertThat(paged).containsExactly("r0", "r1", "r2");
  }

  @Test
  void updateStateWritesStateAndHistoryButNeverThePlan() {
    createDue("alpha", T0);
    corruptPlan(store, "alpha");
    UnreadableRollout read = unreadable("alpha");
    RolloutState stopped =
        read.state().toBuilder()
            .status(RolloutStatus.ROLLED_BACK)
            .phase(-1)
            .nextEvaluationAt(null)
            .historySeq(1)
            .build();

    UnreadableRollout written = store.updateState(read, stopped, List.of(entry("alpha", 1)));

    assertThat(written.version()).isEqualTo(read.version() + 1);
    assertThat(written.state()).isEqualTo(stopped);
    UnreadableRollout again = unreadable("alpha");
    assertThat(again.version()).isEqualTo(written.version());
    assertThat(again.state()).isEqualTo(stopped);
    assertThat(again.problem()).isEqualTo(read.problem());
    assertThat(store.history("alpha")).containsExactly(entry("alpha", 1));
    assertThat(store.due(0, T0, null, 10).unreadable()).isEmpty();
    assertThat(store.rolloutsBoundTo(TestPlans.ALARM)).containsExactly("alpha");
    assertThatThrownBy(() -> store.updateState(read, stopped, List.of()))
        .isInstanceOf(VersionConflictException.class);
    assertThat(unreadable("alpha").version()).isEqualTo(written.version());
  }

  private UnreadableRollout unreadable(String id) {
    try {
      store.get(id);
    } catch (UnreadableRolloutException e) {
      return e.rollout();
    }
    throw new AssertionError(id + " reads");
  }

  private List<String> allPages(RolloutStatus status) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      Page<Rollout> page = store.list(status, token, 2);
      page.items().forEach(r -> ids.add(r.id()));
      token = page.nextToken();
    } while (token != null);
    return ids;
  }

  private void createDue(String id, Instant next) {
    Rollout created = store.create(draft(id, T0), List.of());
    store.update(withNextEvaluation(withStatus(created, RolloutStatus.RUNNING), next), List.of());
  }

  private static Rollout draft(String id, Instant createdAt) {
    return new Rollout(TestPlans.plan(id), RolloutState.draft(createdAt), 0);
  }

  private static Rollout withStatus(Rollout r, RolloutStatus status) {
    return new Rollout(r.plan(), r.state().toBuilder().status(status).build(), r.version());
  }

  private static Rollout withNextEvaluation(Rollout r, Instant next) {
    return new Rollout(r.plan(), r.state().toBuilder().nextEvaluationAt(next).build(), r.version());
  }

  private static HistoryEntry entry(String id, long seq) {
    return new HistoryEntry(
        id,
        seq,
        T0.plusSeconds(seq),
        "controller",
        "ADVANCE",
        RolloutStatus.RUNNING,
        RolloutStatus.RUNNING,
        (int) seq,
        null,
        Map.of("x", 1.0),
        "step " + seq);
  }
}
