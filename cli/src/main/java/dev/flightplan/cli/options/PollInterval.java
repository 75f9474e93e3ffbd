package dev.flightplan.cli.options;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --interval}: how long a command that polls the API waits between looks. Each command gives
 * its own default, and its help text in {@code SharedOptionHelp.properties}.
 */
public final class PollInterval {
  /** Shorter waits would only load the API and redraw the same screen. */
  static final Duration SHORTEST = Duration.ofSeconds(1);

  @Option(
      names = "--interval",
      converter = AtLeastOneSecond.class,
      paramLabel = "DURATION",
      descriptionKey = "interval",
      description = "How long to wait between looks.")
  private Duration interval;

  public PollInterval(Duration byDefault) {
    this.interval = byDefault;
  }

  public Duration get() {
    return interval;
  }

  /** Waits one interval; false when interrupted (the interrupt flag is kept). */
  public boolean sleep() {
    return sleep(interval);
  }

  /** Waits one interval, or {@code limit} when that is shorter; false when interrupted. */
  public boolean sleepAtMost(Duration limit) {
    return sleep(interval.compareTo(limit) < 0 ? interval : limit);
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A duration as plans write it, refused below {@link #SHORTEST}. */
  static final class AtLeastOneSecond implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration duration = new DurationConverter().convert(value);
      if (duration.compareTo(SHORTEST) < 0) {
        throw new TypeConversionException(
            "'" + value + "' is shorter than 1s; use --interval 1s or more");
      }
      return duration;
    }
  }
}
