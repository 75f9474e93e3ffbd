package dev.flightplan.core.gate;

import dev.flightplan.core.plan.Durations;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.state.Rollout;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where a rollout's evidence begins: the phase it is in and when that exposure began. Every metrics
 * source reads each metric over {@link #window} (docs/design.md §2.5) and, while that window is
 * still empty, answers {@link #notYet} in the same words.
 *
 * @param phase the current phase's name; null when the rollout is in none
 * @param since when the exposure last changed (the phase start); null when unknown, and then only
 *     the lookback bounds the window
 */
public record ExposureEvidence(String phase, Instant since) {
  /** No known exposure change: windows are the plain lookback. */
  public static final ExposureEvidence UNKNOWN = new ExposureEvidence(null, null);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  public static ExposureEvidence of(Rollout rollout) {
    int at = rollout.state().phase();
    boolean known = at >= 0 && at <= rollout.plan().lastPhase();
    return new ExposureEvidence(
        known ? rollout.plan().phases().get(at).name() : null, rollout.state().phaseStartedAt());
  }

  /** The periods {@code spec} is read over at {@code now}. */
  public EvidenceWindow window(MetricSpec spec, Instant now) {
    return EvidenceWindow.of(spec, since, now);
  }

  /**
   * The reading while the window is empty: "no evidence at this exposure yet: phase beta began
   * 12:00:10 UTC; the first full period ends 12:02:00 UTC".
   */
  public MetricReading.Missing notYet(MetricSpec spec) {
    Instant firstEnd = EvidenceWindow.origin(spec, since).plus(spec.period());
    boolean sameDay = since.getEpochSecond() / 86_400 == firstEnd.getEpochSecond() / 86_400;
    return new MetricReading.Missing(
        "no evidence at this exposure yet: "
            + (phase != null ? "phase " + phase : "the current phase")
            + " began "
            + TIME.format(since)
            + "; the first full period ends "
            + (sameDay ? TIME : DATE_TIME).format(firstEnd));
  }

  /**
   * What a non-empty window covers, for messages: "the last 10m" when it is the whole lookback,
   * else "the 3m since 12:01:00 UTC at this exposure".
   */
  public static String span(EvidenceWindow window, MetricSpec spec) {
    boolean clipped =
        window.origin() != null
            && window.from().equals(window.origin())
            && window.seconds() < EvidenceWindow.lookbackPeriods(spec) * spec.period().toSeconds();
    String length = Durations.format(Duration.ofSeconds(window.seconds()));
    return clipped
        ? "the " + length + " since " + TIME.format(window.from()) + " at this exposure"
        : "the last " + Durations.format(spec.lookback());
  }
}
