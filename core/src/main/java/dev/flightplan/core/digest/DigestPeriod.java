package dev.flightplan.core.digest;

import dev.flightplan.core.plan.Notify;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One digest period: a whole UTC hour or UTC day. UTC rather than a plan's window zone, so that
 * every rollout on a topic shares the same periods and a topic gets one message per period.
 *
 * @param start inclusive
 * @param end exclusive; the digest for the period is due from here on
 */
public record DigestPeriod(Notify.Digest cadence, Instant start, Instant end) {

  /** The period that ended most recently at {@code now}: the one whose digest is due. */
  public static DigestPeriod lastCompleted(Notify.Digest cadence, Instant now) {
    Instant end = now.truncatedTo(unit(cadence));
    return new DigestPeriod(cadence, end.minus(length(cadence)), end);
  }

  public Duration length() {
    return length(cadence);
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  /**
   * The key of this period's digest for a topic: the processed-event key that records it as sent,
   * and the notification id subscribers dedupe on.
   */
  public String key(String topic) {
    return "digest:" + topic + ":" + cadence.wireName() + ":" + start;
  }

  private static ChronoUnit unit(Notify.Digest cadence) {
    return switch (cadence) {
      case HOURLY -> ChronoUnit.HOURS;
      case DAILY -> ChronoUnit.DAYS;
      case NONE -> throw new IllegalArgumentException("a plan without a digest has no period");
    };
  }

  private static Duration length(Notify.Digest cadence) {
    return unit(cadence).getDuration();
  }
}
