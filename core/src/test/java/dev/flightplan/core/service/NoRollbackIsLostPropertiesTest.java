package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.Command;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * docs/design.md §4.2: a rollback must win every race. Random sequences of commands from several
 * people, ticks, alarms, metric changes and port failures, with writers slipping in between
 * another's read and its conditional write; afterwards every rollback asked for while a rollout was
 * active has stuck, exposure matches the stored state, and each rollback was announced exactly
 * once.
 */
class NoRollbackIsLostPropertiesTest {
  static final List<String> IDS = List.of("r0", "r1");

  @Property(tries = 500)
  void noRollbackIsLost(@ForAll("scenarios") List<Op> ops) {
    Scenario scenario = new Scenario();
    ops.forEach(scenario::run);
    scenario.drain();
    Statistics.label("rollback asked for").collect(!scenario.rollbackRequested.isEmpty());
    Statistics.label("final status of r0").collect(scenario.world.get("r0").state().status());

    for (String id : IDS) {
      Rollout rollout = scenario.world.get(id);
      RolloutStatus status = rollout.state().status();
      if (scenario.rollbackRequested.contains(id) || scenario.atRollbackLevel(id)) {
        // Without retry, the only ways out of an active state are rollback, abort and completion;
        // an abort or completion can only have been stored before the rollback.
        assertThat(status.isTerminal())
            .as(id + " rollback lost; history %s", history(scenario, id))
            .isTrue();
      }
      assertThat(scenario.world.actuator.exposure(id))
          .as(id + " exposure")
          .isEqualTo(rollout.desiredExposure());
      assertThat(rollout.state().hasPendingWork()).as(id + " pending work").isFalse();
      assertThat(rollout.state().outboxLease()).isNull();
      long rollbacks =
          history(scenario, id).stream().filter(h -> h.to() == RolloutStatus.ROLLED_BACK).count();
      assertThat(scenario.world.sent(id, NotificationEvents.ROLLBACK))
          .as(id + " rollback notices")
          .hasSize((int) rollbacks);
    }
    List<String> sentIds = scenario.world.notifier.sent().stream().map(Notification::id).toList();
    assertThat(sentIds).doesNotHaveDuplicates();
    assertThat(scenario.failedInTicks).isZero();
  }

  private static List<HistoryEntry> history(Scenario scenario, String id) {
    return scenario.world.history(id);
  }

  @Provide
  Arbitrary<List<Op>> scenarios() {
    Arbitrary<Op> writers =
        Arbitraries.frequencyOf(
            Tuple.of(6, commands()),
            Tuple.of(4, Arbitraries.just(new Op.TickOp())),
            Tuple.of(2, alarms()),
            Tuple.of(3, metrics()),
            Tuple.of(1, Arbitraries.integers().between(1, 3).map(Op.NotifierFails::new)),
            Tuple.of(1, Arbitraries.integers().between(1, 3).map(Op.ActuatorFails::new)));
    Arbitrary<Op> waits = Arbitraries.integers().between(5, 15).map(Op.Wait::new);
    // Time passes between operations, not inside one: a writer stalled past the outbox lease is
    // the crashed-writer case, where a resend after the lease is the documented trade-off.
    Arbitrary<Op> any =
        Arbitraries.frequencyOf(
            Tuple.of(10, writers),
            Tuple.of(1, waits),
            Tuple.of(6, writers.map(Op.Interleave::new)));
    return any.list().ofMinSize(1).ofMaxSize(40);
  }

  private static Arbitrary<Op> commands() {
    return Combinators.combine(
            Arbitraries.integers().between(0, IDS.size() - 1),
            Arbitraries.of(
                Command.PAUSE,
                Command.RESUME,
                Command.PROMOTE,
                Command.APPROVE,
                Command.ROLLBACK,
                Command.ABORT),
            Arbitraries.of(World.ALICE, World.BOB, "arn:aws:iam::123456789012:role/deployer"))
        .as((r, c, actor) -> new Op.Cmd(IDS.get(r), c, actor));
  }

  private static Arbitrary<Op> alarms() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(AlarmState.values()))
        .as(Op.Alarm::new);
  }

  private static Arbitrary<Op> metrics() {
    return Combinators.combine(
            Arbitraries.integers().between(0, IDS.size() - 1), Arbitraries.of(0.1, 3.0, 6.0))
        .as((r, percent) -> new Op.Metric(IDS.get(r), percent));
  }

  /** One step of a scenario. */
  sealed interface Op {
    record Cmd(String id, Command command, String actor) implements Op {}

    record TickOp() implements Op {}

    record Wait(int minutes) implements Op {}

    record Alarm(boolean byArn, AlarmState state) implements Op {}

    record Metric(String id, double percent) implements Op {}

    record NotifierFails(int count) implements Op {}

    record ActuatorFails(int count) implements Op {}

    /** Runs {@code inner} just before the next conditional update, whoever makes it. */
    record Interleave(Op inner) implements Op {}
  }
}
