package dev.flightplan.cli.local.emf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.series.MetricSeries;
import dev.flightplan.core.series.MetricSeries.Point;
import dev.flightplan.core.series.MetricSeriesReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric series in local mode with {@code --metrics emf}: what applications sent. */
class EmfSeriesTest {
  /** The EMF documents and the plan of the gates' tests. */
  final EmfMetricsSourceTest emf = new EmfMetricsSourceTest();

  @Test
  void ratiosPerPeriodAndVariantWithEmptyPeriodsLeftOut() {
    emf.send("1:05", "candidate", 100, 2, "[1]");
    emf.send("1:50", "candidate", 100, 4, "[1]");
    emf.send("3:10", "candidate", 300, 3, "[1]");
    emf.send("3:10", "baseline", 900, 9, "[1]");

    MetricSeries errors =
        new MetricSeriesReader(
                new EmfMetricsSource(emf.store),
                Clock.fixed(EmfMetricsSourceTest.NOW, ZoneOffset.UTC))
            .read(EmfMetricsSourceTest.rollout(), List.of(), EmfMetricsSourceTest.PHASE, null)
            .metrics()
            .get(0);

    assertThat(errors.error()).isNull();
    assertThat(errors.candidate())
        .containsExactly(
            new Point(Instant.parse("2026-03-02T09:01:00Z"), 0.03),
            new Point(Instant.parse("2026-03-02T09:03:00Z"), 0.01));
    assertThat(errors.baseline())
        .containsExactly(new Point(Instant.parse("2026-03-02T09:03:00Z"), 0.01));
  }
}
