package dev.flightplan.bench.cost;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.service.TickReport;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.aws.CallCounter;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * R active rollouts of the design example plan, in DynamoDB Local and moto, ticked through a
 * stretch of an ordinary month: the first look (which also sends the daily digest), a window of
 * minutes of baking with healthy metrics (quiet ticks and the ten-minute view refresh), then the
 * tick at which every bake ends and every rollout advances a phase. Each tick's calls are counted
 * as they go out.
 */
final class CostScenario {
  /** The phase the rollouts bake in: standard-5 (1 day), then standard-25 without approval. */
  static final int PHASE = 2;

  static final Duration BAKE = Duration.ofDays(1);

  private final AwsClients clients;
  private final CallCounter calls;
  private final CapacityMeter capacity;
  private final MetricsWait wait;
  private final String plan;

  CostScenario(
      AwsClients clients,
      CallCounter calls,
      CapacityMeter capacity,
      MetricsWait wait,
      String plan) {
    this.clients = clients;
    this.calls = calls;
    this.capacity = capacity;
    this.wait = wait;
    this.plan = plan;
  }

  /** What the ticks of one run cost. */
  record Measured(
      int rollouts, TickBill first, TickBill steady, TickBill refresh, TickBill advance) {}

  /** Runs R rollouts from {@code start} through {@code window} minutes and the advance after. */
  Measured run(int rollouts, Instant start, int window, String label) {
    TestClock clock = new TestClock(start);
    Tables tables = new Tables("cost-" + label + "-");
    TableCreator.createTables(clients.dynamoDb(), tables);
    String topic = clients.sns().createTopic(r -> r.name("cost-" + label)).topicArn();
    AwsAdapters aws = new AwsAdapters(clients, tables, clock);
    Instant bakeEnds = start.plus(Duration.ofMinutes(window + 1));
    seed(aws.store(), rollouts, start, bakeEnds);
    Tick tick =
        new Tick(
            aws.store(),
            aws.cloudWatchMetrics(),
            aws.actuator(),
            aws.snsNotifier(SnsTopics.of(topic)),
            clock);
    TickBill first = measured(tick, clock, rollouts, r -> r.held() == rollouts);
    TickBill steady = TickBill.NONE;
    TickBill refresh = TickBill.NONE;
    for (int minute = 1; minute <= window; minute++) {
      clock.set(start.plus(Duration.ofMinutes(minute)));
      TickBill bill = measured(tick, clock, rollouts, r -> r.failed() == 0 && r.advanced() == 0);
      steady = steady.plus(bill);
      if (minute == 10) {
        refresh = bill;
      }
    }
    clock.set(bakeEnds);
    TickBill advance = measured(tick, clock, rollouts, r -> r.advanced() == rollouts);
    return new Measured(rollouts, first, steady, refresh, advance);
  }

  private TickBill measured(
      Tick tick, TestClock clock, int rollouts, java.util.function.Predicate<TickReport> expected) {
    calls.reset();
    capacity.reset();
    wait.reset();
    long started = System.nanoTime();
    TickReport report = tick.run(clock.instant());
    double millis = (System.nanoTime() - started) / 1e6;
    if (!expected.test(report)) {
      throw new IllegalStateException(
          "the tick at " + clock.instant() + " of " + rollouts + " rollouts did " + report);
    }
    return TickBill.of(calls.snapshot(), capacity, wait, millis);
  }

  /** R rollouts running in their third phase, baking until {@code bakeEnds}, due now. */
  private void seed(RolloutStore store, int rollouts, Instant now, Instant bakeEnds) {
    for (int i = 0; i < rollouts; i++) {
      String id = String.format("search-%06d", i);
      Plan read = PlanReader.read(plan.replace("rollout: new-search-algorithm", "rollout: " + id));
      Instant created = bakeEnds.minus(Duration.ofDays(6));
      RolloutState state =
          RolloutState.draft(created).toBuilder()
              .status(RolloutStatus.RUNNING)
              .phase(PHASE)
              .phaseStartedAt(bakeEnds.minus(BAKE))
              .checklistDone(new java.util.TreeSet<>(read.checklist()))
              .nextEvaluationAt(now.minusSeconds(60))
              .build();
      store.create(new Rollout(read, state, 1), List.of());
    }
  }
}
