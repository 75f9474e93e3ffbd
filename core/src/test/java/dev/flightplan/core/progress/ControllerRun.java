package dev.flightplan.core.progress;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Window;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real controller on in-memory ports and a test clock: a rollout created, its checklist done,
 * started, then one {@link Tick} a minute with healthy metrics and every approval given as soon as
 * it is asked for.
 */
final class ControllerRun {
  static final String ACTOR = "arn:aws:iam::123456789012:user/ana";

  final TestClock clock;
  final InMemoryRolloutStore store = new InMemoryRolloutStore();
  final InMemoryMetricsSource metrics = new InMemoryMetricsSource();
  final RecordingNotifier notifier = new RecordingNotifier();
  final RolloutCommands commands;
  final Tick tick;
  private final Plan plan;

  ControllerRun(Plan plan, Instant start) {
    this.plan = plan;
    this.clock = new TestClock(start);
    InMemoryActuator actuator = new InMemoryActuator();
    this.commands = new RolloutCommands(store, actuator, notifier, clock);
    this.tick = new Tick(store, metrics, actuator, notifier, clock);
    commands.create(plan, ACTOR);
    plan.checklist().forEach(item -> commands.checklistDone(plan.id(), item, ACTOR));
    metrics.set(plan.id(), TestPlans.ERROR_RATE, TestPlans.healthy());
  }

  Rollout start() {
    return commands.start(plan.id(), ACTOR);
  }

  /** Ticks until the rollout completes or {@code horizon} passes; when it completed, or null. */
  Instant runUntil(Instant horizon) {
    while (clock.instant().isBefore(horizon)) {
      clock.advance(ControllerTicks.INTERVAL);
      tick.run();
      RolloutStatus status = rollout().state().status();
      if (status == RolloutStatus.COMPLETED) {
        return clock.instant();
      }
      if (status == RolloutStatus.AWAITING_APPROVAL) {
        commands.approve(plan.id(), ACTOR);
      }
    }
    return null;
  }

  Rollout rollout() {
    return store.get(plan.id()).orElseThrow();
  }

  /** When the controller first acted on its own (advanced, asked, completed). */
  Instant firstControllerStep() {
    List<HistoryEntry> history = store.history(plan.id());
    return history.stream()
        .filter(e -> e.actor().equals("controller"))
        .map(HistoryEntry::at)
        .findFirst()
        .orElse(null);
  }

  static Plan withWindow(Plan p, Window window) {
    return new Plan(
        p.id(),
        p.description(),
        p.risk(),
        p.strategy(),
        p.target(),
        p.audiences(),
        p.phases(),
        p.metrics(),
        p.gates(),
        p.alarms(),
        window,
        p.notifications(),
        p.checklist());
  }

  static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }
}
