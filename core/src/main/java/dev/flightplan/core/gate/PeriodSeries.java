package dev.flightplan.core.gate;

/**
 * One variant's data period by period, oldest first, for the sequential tests (docs/design.md
 * §2.5). For a ratio, {@code values} are the numerator sums and {@code counts} the denominator
 * sums; otherwise {@code values} are the statistic and {@code counts} the requests (NaN when
 * unknown).
 *
 * @param starts each period's start, epoch seconds
 */
public record PeriodSeries(long[] starts, double[] values, double[] counts) {
  public static final PeriodSeries EMPTY =
      new PeriodSeries(new long[0], new double[0], new double[0]);

  public PeriodSeries {
    if (starts.length != values.length || starts.length != counts.length) {
      throw new IllegalArgumentException("periods, values and counts differ in length");
    }
  }

  public int size() {
    return starts.length;
  }

  public boolean isEmpty() {
    return starts.length == 0;
  }
}
