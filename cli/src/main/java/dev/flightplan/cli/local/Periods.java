package dev.flightplan.cli.local;

import dev.flightplan.core.plan.MetricSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods a query at {@code now} covers, as the CloudWatch adapter aligns them: whole periods
 * inside the lookback, ending at the last period boundary (the period still filling up is left
 * out).
 *
 * @param starts period starts, oldest first
 * @param minutes the length of one period in minutes
 */
record Periods(List<Instant> starts, double minutes) {

  static Periods of(MetricSpec spec, Instant now) {
    long seconds = spec.period().toSeconds();
    long end = Math.floorDiv(now.getEpochSecond(), seconds) * seconds;
    long count = Math.max(1, (spec.lookback().toSeconds() + seconds - 1) / seconds);
    List<Instant> starts = new ArrayList<>();
    for (long i = count; i >= 1; i--) {
      starts.add(Instant.ofEpochSecond(end - i * seconds));
    }
    return new Periods(starts, seconds / 60.0);
  }
}
