package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.plan.PlanRevisions;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.evaluation.Exposure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickTest {
  private final World world = new World();

  @Test
  void advancesOnceThePhaseHasBakedWithHealthyMetrics() {
    world.running("search");

    TickReport early = world.nextTick();
    assertThat(early.evaluated()).isEqualTo(1);
    assertThat(early.held()).isEqualTo(1);
    assertThat(world.get("search").state().phase()).isZero();

    TickReport report = world.tickAfter(Duration.ofMinutes(9));
    assertThat(report.advanced()).isEqualTo(1);
    Rollout advanced = world.get("search");
    assertThat(advanced.state().phase()).isEqualTo(1);
    assertThat(advanced.state().phaseStartedAt()).isEqualTo(world.clock.instant());
    assertThat(world.actuator.exposure("search").basisPoints()).isEqualTo(5_000);
    HistoryEntry last = world.history("search").get(world.history("search").size() - 1);
    assertThat(last.actor()).isEqualTo("controller");
    assertThat(last.action()).isEqualTo("ADVANCE");
    assertThat(world.sent("search", NotificationEvents.ADVANCE)).hasSize(1);
  }

  @Test
  void aRollbackGateBreachRollsBackWithTheObservedValues() {
    world.running("search");
    world.metrics.set("search", TestPlans.ERROR_RATE, TestPlans.errorRate(6.2));

    TickReport report = world.nextTick();

    assertThat(report.rolledBack()).isEqualTo(1);
    Rollout back = world.get("search");
    assertThat(back.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(back.state().nextEvaluationAt()).isNull();
    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    HistoryEntry last = world.history("search").get(world.history("search").size() - 1);
    assertThat(last.gate()).isEqualTo(TestPlans.ROLLBACK_GATE);
    assertThat(last.values()).containsKey("error_rate.candidate");
    Notification notice = world.sent("search", NotificationEvents.ROLLBACK).get(0);
    assertThat(notice.subject())
        .startsWith("[ROLLBACK] search: error_rate-rollback: error_rate 6.2");
    assertThat(notice.severity()).isEqualTo(Notification.Severity.CRITICAL);
  }

  @Test
  void aPauseGateBreachPausesAndAPausedRolloutStillRollsBack() {
    world.running("search");
    world.metrics.set("search", TestPlans.ERROR_RATE, TestPlans.errorRate(3));

    assertThat(world.nextTick().paused()).isEqualTo(1);
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.PAUSED);
    assertThat(world.nextTick().held()).isEqualTo(1);

    world.metrics.set("search", TestPlans.ERROR_RATE, TestPlans.errorRate(8));
    assertThat(world.nextTick().rolledBack()).isEqualTo(1);
  }

  @Test
  void completesAfterTheLastPhaseAndDropsOutOfTheDueQuery() {
    world.running("search");
    world.commands.promote("search", World.BOB, null);
    world.commands.promote("search", World.BOB, null);

    assertThat(world.nextTick().completed()).isEqualTo(1);
    assertThat(world.get("search").state().nextEvaluationAt()).isNull();
    assertThat(world.nextTick().evaluated()).isZero();
  }

  @Test
  void oneFailingRolloutDoesNotStopTheOthers() {
    FailingStore failing = new FailingStore(new InMemoryRolloutStore(), "broken");
    Tick tick = new Tick(failing, world.metrics, world.actuator, world.notifier, world.clock);
    RolloutCommands commands =
        new RolloutCommands(failing, world.actuator, world.notifier, world.clock);
    for (String id : List.of("alpha", "broken", "omega")) {
      commands.create(TestPlans.plan(id), World.ALICE);
      commands.start(id, World.ALICE);
      world.metrics.set(id, TestPlans.ERROR_RATE, TestPlans.errorRate(9));
    }
    failing.failing = true;
    world.clock.advance(Duration.ofMinutes(1));

    TickReport report = tick.run();

    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.rolledBack()).isEqualTo(2);
    assertThat(failing.get("alpha").orElseThrow().state().status())
        .isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(failing.get("omega").orElseThrow().state().status())
        .isEqualTo(RolloutStatus.ROLLED_BACK);
  }

  @Test
  void oneMetricsBatchForEveryDueRolloutAcrossPages() {
    World paged = new World(2);
    for (int i = 0; i < 5; i++) {
      paged.running("r" + i);
    }

    TickReport report = paged.nextTick();

    assertThat(report.evaluated()).isEqualTo(5);
    assertThat(paged.metrics.batches()).extracting(List::size).containsExactly(5);
  }

  @Test
  void aDuplicateTickForTheSameMinuteDoesNothing() {
    world.running("search");
    world.metrics.set("search", TestPlans.ERROR_RATE, TestPlans.errorRate(9));
    world.clock.advance(Duration.ofMinutes(1));
    world.tick.run(world.clock.instant());
    world.commands.replacePlan(
        "search",
        PlanRevisions.revised(TestPlans.plan("search")),
        world.get("search").version(),
        World.ALICE);
    world.commands.retry("search", World.ALICE);

    TickReport again = world.tick.run(world.clock.instant().plusSeconds(20));

    assertThat(again.duplicate()).isTrue();
    assertThat(world.metrics.batches()).hasSize(1);
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.RUNNING);
  }

  @Test
  void aMetricsOutageHoldsAndNeverRollsBack() {
    world.running("search");
    world.metrics.failWith("throttled");

    TickReport report = world.tickAfter(Duration.ofMinutes(10));

    assertThat(report.held()).isEqualTo(1);
    assertThat(report.failed()).isZero();
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(world.get("search").state().gates().get(TestPlans.ROLLBACK_GATE).consecutiveErrors())
        .isEqualTo(1);
  }

  @Test
  void aMetricsSourceThatThrowsIsReadAsAnOutage() {
    World throwing = new World();
    Tick tick =
        new Tick(
            throwing.store,
            (rollouts, now) -> {
              throw new IllegalStateException("provider gone");
            },
            throwing.actuator,
            throwing.notifier,
            throwing.clock);
    throwing.running("search");
    throwing.clock.advance(Duration.ofMinutes(10));

    TickReport report = tick.run();

    assertThat(report.held()).isEqualTo(1);
    assertThat(report.failed()).isZero();
    assertThat(throwing.get("search").state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(
            throwing.get("search").state().gates().get(TestPlans.ROLLBACK_GATE).consecutiveErrors())
        .isEqualTo(1);
  }

  /** Fails every update of one rollout while {@code failing} is set. */
  private static final class FailingStore extends DelegatingStore {
    private final String id;
    boolean failing;

    FailingStore(RolloutStore delegate, String id) {
      super(delegate);
      this.id = id;
    }

    @Override
    public Rollout update(Rollout rollout, List<HistoryEntry> history) {
      if (failing && rollout.id().equals(id)) {
        throw new IllegalStateException("store unavailable for " + id);
      }
      return super.update(rollout, history);
    }
  }
}
