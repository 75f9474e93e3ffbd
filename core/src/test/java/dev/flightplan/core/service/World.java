package dev.flightplan.core.service;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import java.time.Duration;
import java.util.List;

/** The use cases wired to in-memory ports and a test clock, as the tests need them. */
final class World {
  static final String ALICE = "arn:aws:iam::123456789012:user/alice";
  static final String BOB = "arn:aws:iam::123456789012:user/bob";

  final TestClock clock = new TestClock(TestPlans.T0);
  final InMemoryRolloutStore memory = new InMemoryRolloutStore();
  final InterleavingStore store = new InterleavingStore(memory);
  final InMemoryMetricsSource metrics = new InMemoryMetricsSource();
  final InMemoryActuator actuator = new InMemoryActuator();
  final RecordingNotifier notifier = new RecordingNotifier();
  final RolloutCommands commands = new RolloutCommands(store, actuator, notifier, clock);
  final Tick tick;
  final AlarmRollback alarms = new AlarmRollback(store, actuator, notifier, clock);

  World() {
    this(Tick.DEFAULT_PAGE_SIZE);
  }

  World(int pageSize) {
    tick = new Tick(store, metrics, actuator, notifier, clock, pageSize);
  }

  /** A rollout of the default plan, started, with healthy metrics. */
  Rollout running(String id) {
    return running(TestPlans.plan(id));
  }

  Rollout running(Plan plan) {
    commands.create(plan, ALICE);
    metrics.set(plan.id(), TestPlans.ERROR_RATE, TestPlans.healthy());
    return commands.start(plan.id(), ALICE);
  }

  Rollout get(String id) {
    return store.get(id).orElseThrow();
  }

  /** One minute later, the scheduled tick. */
  TickReport tickAfter(Duration wait) {
    clock.advance(wait);
    return tick.run();
  }

  TickReport nextTick() {
    return tickAfter(Duration.ofMinutes(1));
  }

  List<HistoryEntry> history(String id) {
    return store.history(id);
  }

  List<Notification> sent(String id, String event) {
    return notifier.sent().stream()
        .filter(n -> id.equals(n.rolloutId()) && n.eventType().equals(event))
        .toList();
  }
}
