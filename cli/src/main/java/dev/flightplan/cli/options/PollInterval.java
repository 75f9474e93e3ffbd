package dev.flightplan.cli.options;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --interval}: how long a command that polls the API waits between looks. Each command gives
 * its own default, and its help text in {@code SharedOptionHelp.properties}.
 */
public final class PollInterval {
  @Option(
      names = "--interval",
      converter = DurationConverter.class,
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
}
