package dev.flightplan.cli.options;

import dev.flightplan.core.plan.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as plans write them: {@code 90s}, {@code 30m}, {@code 2h} or ISO-8601. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration (e.g. 90s, 30m, 2h, PT0.5S)");
    }
  }
}
