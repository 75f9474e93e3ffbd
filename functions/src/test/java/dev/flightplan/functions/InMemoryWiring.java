package dev.flightplan.functions;

import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.port.memory.StoreFlagSource;
import dev.flightplan.core.service.Tick;
import dev.flightplan.functions.observe.Emf;
import dev.flightplan.functions.snapstart.Primer;
import java.time.Clock;

/**
 * {@link Wiring}s on the in-memory ports, for the handler tests and the CLI's: flags are read from
 * the rollouts, metrics go to EMF on standard output, and nothing is primed.
 */
public final class InMemoryWiring {
  private InMemoryWiring() {}

  /** Every port in memory. */
  public static Wiring create(Clock clock) {
    return over(
        clock,
        new InMemoryRolloutStore(),
        new InMemoryMetricsSource(),
        new InMemoryActuator(),
        new RecordingNotifier());
  }

  /** Over the given ports, with metrics that never arrive (the tick holds). */
  public static Wiring over(Clock clock, RolloutStore store, Actuator actuator, Notifier notifier) {
    return over(clock, store, new InMemoryMetricsSource(), actuator, notifier);
  }

  /** Over the given ports. */
  public static Wiring over(
      Clock clock,
      RolloutStore store,
      MetricsSource metricsSource,
      Actuator actuator,
      Notifier notifier) {
    return Wiring.of(
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
}
