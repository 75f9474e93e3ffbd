package dev.flightplan.functions;

import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.functions.flags.FlagSource;
import dev.flightplan.functions.flags.StoreFlagSource;
import java.time.Clock;

/**
 * The composition root: the ports and the use cases the handlers call, built by hand with plain
 * {@code new}. Handlers take a {@code Wiring}; tests and local mode build one in memory.
 */
public record Wiring(
    Clock clock,
    RolloutStore store,
    Actuator actuator,
    Notifier notifier,
    RolloutCommands commands,
    FlagSource flags) {

  /** Everything over the given ports. */
  public static Wiring of(Clock clock, RolloutStore store, Actuator actuator, Notifier notifier) {
    return new Wiring(
        clock,
        store,
        actuator,
        notifier,
        new RolloutCommands(store, actuator, notifier, clock),
        new StoreFlagSource(store));
  }

  /** In-memory ports: for tests and for running the API without AWS. */
  public static Wiring inMemory(Clock clock) {
    return of(clock, new InMemoryRolloutStore(), new InMemoryActuator(), new RecordingNotifier());
  }
}
