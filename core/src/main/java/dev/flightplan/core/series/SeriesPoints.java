package dev.flightplan.core.series;

import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.NumeratorAbsent;
import dev.flightplan.core.series.MetricSeries.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a source's per-period data into chart points. A ratio's point is Sum(numerator) /
 * Sum(denominator) of its period; a period without requests is left out. A period whose numerator
 * has no datapoint counts as zero errors when the numerator has points elsewhere in the range (or
 * the plan says {@code numeratorAbsent: zero}), as the gates count it; otherwise it is left out.
 */
final class SeriesPoints {
  private SeriesPoints() {}

  static List<Point> candidate(MetricSpec spec, SeriesReading.Periods reading, SeriesRange range) {
    return points(spec, reading.candidate(), zeroWhenAbsent(spec, reading), range);
  }

  static List<Point> baseline(MetricSpec spec, SeriesReading.Periods reading, SeriesRange range) {
    return reading.baseline() == null
        ? List.of()
        : points(spec, reading.baseline(), zeroWhenAbsent(spec, reading), range);
  }

  private static List<Point> points(
      MetricSpec spec, PeriodSeries periods, boolean zeroWhenAbsent, SeriesRange range) {
    List<Point> points = new ArrayList<>();
    if (periods == null) {
      return points;
    }
    for (int i = 0; i < periods.size(); i++) {
      Instant t = Instant.ofEpochSecond(periods.starts()[i]);
      if (t.isBefore(range.from()) || !t.isBefore(range.to())) {
        continue;
      }
      double value = spec.isRatio() ? ratio(periods, i, zeroWhenAbsent) : periods.values()[i];
      if (Double.isFinite(value)) {
        points.add(new Point(t, value));
      }
    }
    return points;
  }

  private static double ratio(PeriodSeries periods, int i, boolean zeroWhenAbsent) {
    double requests = periods.counts()[i];
    double errors = periods.values()[i];
    if (!(requests > 0)) {
      return Double.NaN;
    }
    if (Double.isNaN(errors)) {
      errors = zeroWhenAbsent ? 0 : Double.NaN;
    }
    return errors / requests;
  }

  private static boolean zeroWhenAbsent(MetricSpec spec, SeriesReading.Periods reading) {
    return !spec.isRatio()
        || spec.ratio().numeratorAbsent() == NumeratorAbsent.ZERO
        || hasValue(reading.candidate())
        || hasValue(reading.baseline());
  }

  private static boolean hasValue(PeriodSeries periods) {
    if (periods != null) {
      for (double v : periods.values()) {
        if (!Double.isNaN(v)) {
          return true;
        }
      }
    }
    return false;
  }
}
