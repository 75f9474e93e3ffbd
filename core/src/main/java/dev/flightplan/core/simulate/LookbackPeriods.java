package dev.flightplan.core.simulate;

import dev.flightplan.core.plan.MetricSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The periods a metric query at {@code now} covers, aligned as the CloudWatch adapter aligns them:
 * whole periods inside the lookback, ending at the last period boundary (the period still filling
 * up is left out). Both simulations read their metrics over these periods.
 *
 * @param first the start of the oldest period
 * @param count how many periods, at least one
 * @param period the length of one period
 */
public record LookbackPeriods(Instant first, long count, Duration period) {

  public static LookbackPeriods of(MetricSpec spec, Instant now) {
    long seconds = spec.period().toSeconds();
    long end = Math.floorDiv(now.getEpochSecond(), seconds) * seconds;
    long count = Math.max(1, (spec.lookback().toSeconds() + seconds - 1) / seconds);
    return new LookbackPeriods(Instant.ofEpochSecond(end - count * seconds), count, spec.period());
  }

  /** The start of the latest period. */
  public Instant last() {
    return first.plus(period.multipliedBy(count - 1));
  }

  /** Every period's start, oldest first. */
  public List<Instant> starts() {
    return LongStream.range(0, count).mapToObj(i -> first.plus(period.multipliedBy(i))).toList();
  }

  /** The length of one period in minutes. */
  public double minutes() {
    return period.toSeconds() / 60.0;
  }
}
