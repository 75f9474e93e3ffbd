package dev.flightplan.functions;

import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.AlarmRollback;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.Tick;
import dev.flightplan.functions.flags.FlagSource;
import dev.flightplan.functions.flags.StoreFlagSource;
import dev.flightplan.functions.observe.Emf;
import dev.flightplan.functions.snapstart.Primer;
import java.time.Clock;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * The composition root: the ports and the use cases the handlers call, built by hand with plain
 * {@code new}. Handlers take a {@code Wiring}; tests and local mode build one in memory, a deployed
 * function gets {@link #fromEnvironment()}, which {@link AwsWiring} builds on the AWS adapters.
 *
 * @param metrics where the handlers emit their CloudWatch metrics (EMF)
 * @param primer warms what the SnapStart snapshot should hold, without calling AWS
 */
public record Wiring(
    Clock clock,
    RolloutStore store,
    MetricsSource metricsSource,
    Actuator actuator,
    Notifier notifier,
    RolloutCommands commands,
    Tick tick,
    AlarmRollback alarms,
    FlagSource flags,
    Metrics metrics,
    Primer primer) {

  /**
   * Everything over the given ports; the tick pages through due rollouts {@code pageSize} at once.
   */
  public static Wiring of(
      Clock clock,
      RolloutStore store,
      MetricsSource metricsSource,
      Actuator actuator,
      Notifier notifier,
      FlagSource flags,
      int pageSize,
      Metrics metrics,
      Primer primer) {
    return new Wiring(
        clock,
        store,
        metricsSource,
        actuator,
        notifier,
        new RolloutCommands(store, actuator, notifier, clock),
        new Tick(store, metricsSource, actuator, notifier, clock, pageSize),
        new AlarmRollback(store, actuator, notifier, clock),
        flags,
        metrics,
        primer);
  }

  /** Everything over the given ports, with metrics that never arrive (the tick holds). */
  public static Wiring of(Clock clock, RolloutStore store, Actuator actuator, Notifier notifier) {
    return of(clock, store, new InMemoryMetricsSource(), actuator, notifier);
  }

  /** Everything over the given ports; flags are read from the rollouts. */
  public static Wiring of(
      Clock clock,
      RolloutStore store,
      MetricsSource metricsSource,
      Actuator actuator,
      Notifier notifier) {
    return of(
        clock,
        store,
        metricsSource,
        actuator,
        notifier,
        new StoreFlagSource(store),
        Tick.DEFAULT_PAGE_SIZE,
        Emf.metrics(Config.DEFAULT_NAMESPACE),
        Primer.NONE);
  }

  /** In-memory ports: for tests and for running the handlers without AWS. */
  public static Wiring inMemory(Clock clock) {
    return of(
        clock,
        new InMemoryRolloutStore(),
        new InMemoryMetricsSource(),
        new InMemoryActuator(),
        new RecordingNotifier());
  }

  /**
   * The AWS wiring of this process, built on first use from the environment ({@link Config}) and
   * shared by every handler instance, so the SDK clients are built once per process.
   */
  public static Wiring fromEnvironment() {
    return Deployed.INSTANCE;
  }

  /** The same wiring, emitting metrics to {@code other}. */
  public Wiring withMetrics(Metrics other) {
    return new Wiring(
        clock,
        store,
        metricsSource,
        actuator,
        notifier,
        commands,
        tick,
        alarms,
        flags,
        other,
        primer);
  }

  /** Holder idiom: built by the first call, safely published to every thread. */
  private static final class Deployed {
    static final Wiring INSTANCE = AwsWiring.fromEnvironment();
  }
}
