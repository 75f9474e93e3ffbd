package dev.flightplan.functions.flags;

import dev.flightplan.infra.flags.FlagExposure;
import dev.flightplan.infra.flags.FlagExposureReader;
import java.util.Optional;

/**
 * A flag's exposure as the actuator wrote it to the {@code flags} table: one read per evaluation,
 * whatever the number of rollouts. This is the deployed source; {@link StoreFlagSource} serves the
 * in-memory wiring, which has no such table.
 */
public final class ExposureFlagSource implements FlagSource {
  private final FlagExposureReader reader;

  public ExposureFlagSource(FlagExposureReader reader) {
    this.reader = reader;
  }

  @Override
  public Optional<FlagState> find(String flagKey) {
    return reader.read(flagKey).map(ExposureFlagSource::state);
  }

  private static FlagState state(FlagExposure stored) {
    return new FlagState(
        stored.flagKey(), stored.salt(), stored.exposure(), stored.audiences(), stored.rolloutId());
  }
}
