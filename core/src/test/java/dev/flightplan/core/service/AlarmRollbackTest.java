package dev.flightplan.core.service;

import static dev.flightplan.core.service.TestPlans.ALARM;
import static dev.flightplan.core.service.TestPlans.ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.plan.PlanRevisions;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.evaluation.Exposure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmRollbackTest {
  private final World world = new World();

  private List<StoredRollout> alarm(String nameOrArn, AlarmState state, String eventId) {
    return world.alarms.handle(nameOrArn, state, eventId, world.clock.instant());
  }

  @Test
  void enteringAlarmRollsBackEveryActiveBoundRollout() {
    world.running("search");
    world.running("ranker");
    world.commands.pause("ranker", World.BOB, null);
    world.commands.create(TestPlans.plan("draft"), World.ALICE);

    List<StoredRollout> back = alarm(ALARM, AlarmState.ALARM, "e1");

    assertThat(back).extracting(StoredRollout::id).containsExactlyInAnyOrder("search", "ranker");
    assertThat(world.get("draft").state().status()).isEqualTo(RolloutStatus.DRAFT);
    Rollout search = world.get("search");
    assertThat(search.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    HistoryEntry last = world.history("search").get(world.history("search").size() - 1);
    assertThat(last.actor()).isEqualTo("alarm:" + ALARM);
    assertThat(last.gate()).isEqualTo("alarm:" + ALARM);
    assertThat(world.sent("search", NotificationEvents.ROLLBACK).get(0).subject())
        .isEqualTo("[ROLLBACK] search: alarm " + ALARM + " entered ALARM");
  }

  @Test
  void okChangesNothing() {
    world.running("search");

    assertThat(alarm(ALARM, AlarmState.OK, "e1")).isEmpty();
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.RUNNING);
  }

  @Test
  void insufficientDataRollsBackOnlyWhereTheBindingSaysSo() {
    world.running("search");

    assertThat(alarm(ALARM, AlarmState.INSUFFICIENT_DATA, "e1")).isEmpty();
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.RUNNING);

    assertThat(alarm(ARN, AlarmState.INSUFFICIENT_DATA, "e2")).hasSize(1);
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
  }

  @Test
  void anArnEventMatchesABindingByNameAndTheActorIsTheAlarmName() {
    world.running("search");
    String arn = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + ALARM;

    assertThat(alarm(arn, AlarmState.ALARM, "e1")).hasSize(1);
    assertThat(world.history("search").get(world.history("search").size() - 1).actor())
        .isEqualTo("alarm:" + ALARM);
  }

  @Test
  void aDuplicateEventChangesNothingEvenAfterARetry() {
    world.running("search");
    alarm(ALARM, AlarmState.ALARM, "e1");
    world.commands.replacePlan(
        "search",
        PlanRevisions.revised(TestPlans.plan("search")),
        world.get("search").version(),
        World.ALICE);
    world.commands.retry("search", World.ALICE);

    assertThat(alarm(ALARM, AlarmState.ALARM, "e1")).isEmpty();
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(world.sent("search", NotificationEvents.ROLLBACK)).hasSize(1);
  }

  @Test
  void aRollbackWinsAgainstAWriterBetweenItsReadAndItsWrite() {
    world.running("search");
    world.store.beforeNextUpdate(() -> world.commands.promote("search", World.BOB, null));

    assertThat(alarm(ALARM, AlarmState.ALARM, "e1")).hasSize(1);

    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    assertThat(world.history("search"))
        .extracting(HistoryEntry::action)
        .endsWith("PROMOTE", "ROLLBACK");
  }

  @Test
  void aRollbackThatCannotBeStoredFailsLoudlyAndTheEventCanBeRetried() {
    world.running("search");
    AlwaysConflicting store = new AlwaysConflicting(world.memory);
    AlarmRollback alarms = new AlarmRollback(store, world.actuator, world.notifier, world.clock);
    Instant now = world.clock.instant();

    assertThatThrownBy(() -> alarms.handle(ALARM, AlarmState.ALARM, "e1", now))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rollback not stored for search");
    assertThat(store.attempts).isEqualTo(ConditionalWriter.MAX_ATTEMPTS);

    assertThat(world.alarms.handle(ALARM, AlarmState.ALARM, "e1", now)).hasSize(1);
  }

  /** Every update loses a race against a writer that leaves the rollout as it was. */
  private static final class AlwaysConflicting extends DelegatingStore {
    private final InMemoryRolloutStore memory;
    int attempts;

    AlwaysConflicting(InMemoryRolloutStore memory) {
      super(memory);
      this.memory = memory;
    }

    @Override
    public Rollout update(Rollout rollout, List<HistoryEntry> history) {
      attempts++;
      throw new VersionConflictException(rollout.id(), memory.get(rollout.id()).orElseThrow());
    }
  }
}
