package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.evaluation.Exposure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change costs its state write and one follow-up write that settles exposure and the outbox. */
class WritesPerChangeTest {
  private final TestClock clock = new TestClock(TestPlans.T0);
  private final List<RolloutState> writes = new ArrayList<>();
  private final InMemoryRolloutStore memory = new InMemoryRolloutStore();
  private final DelegatingStore store =
      new DelegatingStore(memory) {
        @Override
        public Rollout update(Rollout rollout, List<HistoryEntry> history) {
          writes.add(rollout.state());
          return super.update(rollout, history);
        }
      };
  private final InMemoryMetricsSource metrics = new InMemoryMetricsSource();
  private final InMemoryActuator actuator = new InMemoryActuator();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final RolloutCommands commands = new RolloutCommands(store, actuator, notifier, clock);
  private final Tick tick = new Tick(store, metrics, actuator, notifier, clock);
  private final AlarmRollback alarms = new AlarmRollback(store, actuator, notifier, clock);

  private void running() {
    commands.create(TestPlans.plan("search"), World.ALICE);
    metrics.set("search", TestPlans.ERROR_RATE, TestPlans.healthy());
    commands.start("search", World.ALICE);
    writes.clear();
  }

  @Test
  void aCommandWritesItsStateThenOneFollowUp() {
    running();

    StoredRollout back = commands.rollback("search", World.BOB, null);

    assertThat(writes).hasSize(2);
    assertThat(writes.get(0).status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(writes.get(0).actuationPending()).isTrue();
    assertThat(writes.get(0).outboxLease()).as("claimed in the state write").isNotNull();
    assertThat(back.state().hasPendingWork()).isFalse();
    assertThat(back.state().outboxLease()).isNull();
    assertThat(actuator.exposure("search")).isEqualTo(Exposure.NONE);
  }

  @Test
  void anAdvanceByTheTickWritesItsStateThenOneFollowUp() {
    running();
    clock.advance(Duration.ofDays(3));

    TickReport report = tick.run();

    assertThat(report.advanced()).isEqualTo(1);
    assertThat(writes).hasSize(2);
    assertThat(memory.get("search").orElseThrow().state().hasPendingWork()).isFalse();
    assertThat(notifier.sent())
        .extracting(n -> n.eventType())
        .containsExactly(NotificationEvents.START, NotificationEvents.ADVANCE);
  }

  @Test
  void anAlarmRollbackWritesItsStateThenOneFollowUp() {
    running();

    alarms.handle(TestPlans.ALARM, AlarmState.ALARM, "e-1", clock.instant());

    assertThat(writes).hasSize(2);
    assertThat(memory.get("search").orElseThrow().state().status())
        .isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(memory.get("search").orElseThrow().state().hasPendingWork()).isFalse();
  }

  @Test
  void aWriterThatDiesAfterTheStateWriteLeavesItsWorkToATickOnceTheLeaseExpires() {
    running();
    boolean[] died = {false};
    RolloutCommands dying =
        new RolloutCommands(
            store,
            (id, target, exposure) -> {
              died[0] = true;
              throw new IllegalStateException("the process died here");
            },
            notifier,
            clock);

    StoredRollout back = dying.rollback("search", World.BOB, null);

    assertThat(died[0]).isTrue();
    assertThat(back.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(back.state().outboxLease()).isNotNull();
    tick.run(clock.instant().plusSeconds(60));
    assertThat(notifier.sent()).extracting(n -> n.eventType()).doesNotContain("ROLLBACK");

    clock.advance(Outbox.LEASE.plusMinutes(1));
    tick.run(clock.instant());

    assertThat(actuator.exposure("search")).isEqualTo(Exposure.NONE);
    assertThat(notifier.sent())
        .extracting(n -> n.eventType())
        .containsExactly(NotificationEvents.START, NotificationEvents.ROLLBACK);
    assertThat(memory.get("search").orElseThrow().state().nextEvaluationAt()).isNull();
  }
}
