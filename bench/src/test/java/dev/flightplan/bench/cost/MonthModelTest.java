package dev.flightplan.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flightplan.bench.cost.CostScenario.Measured;
import dev.flightplan.bench.cost.TickBill.Rates;
import org.junit.jupiter.api.Test;

class MonthModelTest {
  private static TickBill tick(long metrics, double writeUnits, double millis) {
    return new TickBill(1, 1, 0.5, 0, 1, 0, writeUnits, 1, metrics, 0, millis, 0);
  }

  @Test
  void aMonthIsThirtyDaysOfTheWindowsMeanTickPlusPhaseChangesAndDigests() {
    TickBill quiet = tick(14, 1, 100);
    TickBill refresh = tick(14, 16, 100);
    TickBill steady = quiet.plus(quiet).plus(refresh).plus(quiet);
    TickBill advance = tick(14, 78, 100);
    TickBill first = new TickBill(1, 2, 1.5, 1, 3, 0, 16, 1, 14, 1, 100, 0);

    Rates month = MonthModel.month(new Measured(1, first, steady, refresh, advance));

    double meanWriteUnits = (1 + 1 + 16 + 1) / 4.0;
    assertThat(month.metricsRequested()).isEqualTo(14.0 * 43_200);
    assertThat(month.writeUnits())
        .isCloseTo(
            meanWriteUnits * 43_200 + (78 - meanWriteUnits) * 18.75 + (16 - 16) * 30.0,
            within(1e-6));
    assertThat(month.snsPublishes()).isEqualTo(30.0);
  }

  @Test
  void getMetricDataIsPricedPerMetricRequestedAndLambdaPerGigabyteSecond() {
    Rates month = new Rates(0, 0, 0, 0, 0, 0, 604_800, 0, 43_200 * 200.0, 0);

    MonthModel.Cost cost = MonthModel.cost(month, 1024);

    assertThat(cost.cloudWatch()).isCloseTo(6.048, within(1e-9));
    assertThat(cost.lambda()).isCloseTo(8_640 * 0.0000133334 + 43_200 * 0.20 / 1e6, within(1e-9));
    assertThat(cost.scheduler()).isCloseTo(0.0432, within(1e-9));
  }

  @Test
  void aLargerSizeLiesOnTheLineThroughTheTwoLargestMeasured() {
    Rates at10 = new Rates(1, 3.5, 0, 2, 16, 1, 140, 0, 800, 0);
    Rates at1000 = new Rates(10, 350, 0, 101, 1600, 28, 14_000, 0, 9_000, 0);

    Rates at100k = MonthModel.extrapolate(10, at10, 1000, at1000, 100_000);

    assertThat(at100k.metricsRequested()).isCloseTo(1_400_000, within(1e-6));
    assertThat(at100k.queryPages()).isCloseTo(10 + 9.0 / 990 * 99_000, within(1e-6));
  }
}
