package dev.flightplan.core.simulate;

import dev.flightplan.core.decide.Decider;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.state.HistoryActions;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Replays a trace through the controller's own code: the rollout is created, its checklist ticked
 * off and started with {@link RolloutCommands}, then a {@link Tick} on in-memory ports runs once a
 * simulated minute, as the schedule runs it, until the rollout finishes or the trace runs out.
 */
public final class Simulator {
  /** The actor of everything the simulator does in place of a person. */
  public static final String ACTOR = "simulator";

  /** The controller's schedule. */
  public static final Duration STEP = Duration.ofMinutes(1);

  // Bookkeeping of the setup, not decisions.
  private static final Set<String> QUIET = Set.of(HistoryActions.CREATE, HistoryActions.CHECKLIST);

  /**
   * @param start when the rollout starts; null for the trace's first timestamp
   * @param autoApprove whether approvals are granted as soon as they are asked for
   */
  public record Options(Instant start, boolean autoApprove) {}

  private final Plan plan;
  private final Trace trace;
  private final Options options;
  private final SimulatedClock clock;
  private final InMemoryRolloutStore store = new InMemoryRolloutStore();
  private final TraceMetricsSource metrics;
  private final RolloutCommands commands;
  private final Tick tick;

  private Simulator(Plan plan, Trace trace, Options options) {
    this.plan = plan;
    this.trace = trace;
    this.options = options;
    this.clock = new SimulatedClock(options.start() != null ? options.start() : trace.first());
    this.metrics = new TraceMetricsSource(trace);
    InMemoryActuator actuator = new InMemoryActuator();
    RecordingNotifier notifier = new RecordingNotifier();
    this.commands = new RolloutCommands(store, actuator, notifier, clock);
    this.tick = new Tick(store, metrics, actuator, notifier, clock);
  }

  public static Simulation run(Plan plan, Trace trace, Options options) {
    return new Simulator(plan, trace, options).run();
  }

  /** The last moment worth simulating: when the trace's last period has ended. */
  public static Instant end(Plan plan, Trace trace) {
    Duration shortest =
        plan.metrics().values().stream()
            .map(MetricSpec::period)
            .min(Duration::compareTo)
            .orElse(MetricSpec.DEFAULT_PERIOD);
    return trace.last().plus(shortest);
  }

  private Simulation run() {
    Instant from = clock.instant();
    begin();
    Instant end = end(plan, trace);
    while (!rollout().state().status().isTerminal() && !clock.instant().plus(STEP).isAfter(end)) {
      clock.advance(STEP);
      if (tick.run().failed() > 0) {
        throw new IllegalStateException("the tick at " + clock.instant() + " failed");
      }
      if (options.autoApprove() && rollout().state().status() == RolloutStatus.AWAITING_APPROVAL) {
        commands.approve(plan.id(), ACTOR);
      }
    }
    List<HistoryEntry> history = store.history(plan.id());
    List<TimelineEntry> timeline =
        history.stream()
            .filter(e -> !QUIET.contains(e.action()))
            .map(e -> TimelineEntry.of(plan, e))
            .toList();
    return new Simulation(timeline, summary(history.get(history.size() - 1), from));
  }

  private void begin() {
    commands.create(plan, ACTOR);
    for (String item : plan.checklist()) {
      commands.checklistDone(plan.id(), item, ACTOR);
    }
    commands.start(plan.id(), ACTOR);
  }

  private SimulationSummary summary(HistoryEntry last, Instant from) {
    RolloutState state = rollout().state();
    SimulationOutcome outcome = SimulationOutcome.of(state.status());
    boolean underWay = outcome == SimulationOutcome.RUNNING;
    int phase = state.phase();
    return new SimulationSummary(
        outcome,
        underWay ? clock.instant() : last.at(),
        state.status(),
        phase >= 0 && phase <= plan.lastPhase() ? plan.phases().get(phase).name() : null,
        plan.exposureAt(state.desiredPhase()).basisPoints() / 100.0,
        reason(state, last),
        from,
        clock.instant());
  }

  /** A rollout still running says what it waits for now; anything else, its last decision. */
  private String reason(RolloutState state, HistoryEntry last) {
    if (state.status() == RolloutStatus.AWAITING_APPROVAL) {
      return last.reason() + "; approvals are not granted automatically in this simulation";
    }
    if (state.status() != RolloutStatus.RUNNING) {
      return last.reason();
    }
    Instant now = clock.instant();
    var observed = metrics.observe(List.of(rollout()), now).get(plan.id());
    return "the trace ended; " + Decider.decide(plan, state, observed, now).reason();
  }

  private Rollout rollout() {
    return store.get(plan.id()).orElseThrow();
  }
}
