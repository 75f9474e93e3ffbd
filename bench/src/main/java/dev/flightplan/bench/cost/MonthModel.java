package dev.flightplan.bench.cost;

import dev.flightplan.bench.cost.CostScenario.Measured;
import dev.flightplan.bench.cost.TickBill.Rates;

/**
 * A month of R active rollouts from the measured ticks: 30 days of 1-minute ticks at the mean of
 * the measured window (quiet ticks and one view refresh in ten), plus each rollout's phase changes
 * (the design example plan changes phase five times in its eight nominal days: 18.75 times a month)
 * and one daily digest per topic, each at what its tick cost over an ordinary one.
 */
final class MonthModel {
  static final int DAYS = 30;
  static final int TICKS = DAYS * 24 * 60;
  static final double PHASE_CHANGES_PER_ROLLOUT_MONTH = 5 * DAYS / 8.0;

  private MonthModel() {}

  /** The billable quantities of a month, for all R rollouts together. */
  static Rates month(Measured measured) {
    Rates tick = measured.steady().perTick();
    Rates advance = measured.advance().perTick().over(tick);
    Rates digest = measured.first().perTick().over(measured.refresh().perTick());
    return tick.times(TICKS)
        .plus(advance.times(PHASE_CHANGES_PER_ROLLOUT_MONTH))
        .plus(digest.times(DAYS));
  }

  /** What a month's quantities cost, by service. */
  record Cost(double dynamoDb, double cloudWatch, double lambda, double sns, double scheduler) {
    double total() {
      return dynamoDb + cloudWatch + lambda + sns + scheduler;
    }
  }

  static Cost cost(Rates month, int memoryMb) {
    double gbSeconds = month.millis() / 1000 * memoryMb / 1024.0;
    return new Cost(
        month.readUnits() * Prices.DYNAMODB_PER_READ_UNIT
            + month.writeUnits() * Prices.DYNAMODB_PER_WRITE_UNIT,
        month.metricsRequested() * Prices.CLOUDWATCH_PER_METRIC_REQUESTED,
        gbSeconds * Prices.LAMBDA_ARM_PER_GB_SECOND + TICKS * Prices.LAMBDA_PER_REQUEST,
        month.snsPublishes() * Prices.SNS_PER_PUBLISH,
        TICKS * Prices.SCHEDULER_PER_INVOCATION);
  }

  /**
   * A month of {@code rollouts}, on the line through two measured sizes: every count here grows
   * linearly with R past a fixed part per tick (pages, calls of 500 queries, the ticks' time).
   */
  static Rates extrapolate(int smaller, Rates atSmaller, int larger, Rates atLarger, int rollouts) {
    Rates slope = atLarger.over(atSmaller).times(1.0 / (larger - smaller));
    return atLarger.plus(slope.times(rollouts - larger));
  }
}
