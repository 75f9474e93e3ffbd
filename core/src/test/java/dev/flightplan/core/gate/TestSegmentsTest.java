package dev.flightplan.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestSegmentsTest {
  private static final Instant ORIGIN = Instant.parse("2026-01-05T10:01:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void aNewTestStartsEveryThirdOfTheLookbackAndRunsForOneLookback() {
    TestSegments segments =
        TestSegments.of(ORIGIN, MINUTE, Duration.ofMinutes(30), Duration.ofHours(1), 4);
    assertThat(segments.spacing()).isEqualTo(Duration.ofMinutes(10));
    assertThat(segments.span()).isEqualTo(Duration.ofMinutes(30));
    assertThat(segments.testsInBake()).isEqualTo(6);
    assertThat(segments.running(ORIGIN)).containsExactly(0, -1);
    assertThat(segments.running(ORIGIN.plus(Duration.ofMinutes(3)))).containsExactly(0, 0);
    assertThat(segments.running(ORIGIN.plus(Duration.ofMinutes(17)))).containsExactly(0, 1);
    assertThat(segments.running(ORIGIN.plus(Duration.ofMinutes(30)))).containsExactly(0, 2);
    assertThat(segments.running(ORIGIN.plus(Duration.ofMinutes(31)))).containsExactly(1, 3);
    assertThat(segments.start(3)).isEqualTo(ORIGIN.plus(Duration.ofMinutes(30)));
  }

  @Test
  void aMetricWhoseNewestPeriodIsFivePeriodsOldIsStale() {
    TestSegments segments =
        TestSegments.of(ORIGIN, MINUTE, Duration.ofMinutes(30), Duration.ofHours(1), 4);
    long start = ORIGIN.getEpochSecond();
    PeriodSeries quiet =
        new PeriodSeries(new long[] {start, start + 60}, new double[] {1, 1}, new double[] {5, 5});
    assertThat(segments.isStale(quiet, ORIGIN.plus(Duration.ofMinutes(6)))).isFalse();
    assertThat(segments.isStale(quiet, ORIGIN.plus(Duration.ofMinutes(7)))).isTrue();
  }

  @Test
  void sharesSumToAtMostOneAndFavourTheFirstTest() {
    TestSegments segments =
        TestSegments.of(ORIGIN, MINUTE, Duration.ofMinutes(30), Duration.ofDays(2), 6);
    double sum = 0;
    for (long k = 0; k < 20_000_000; k++) {
      sum += segments.share(k);
    }
    assertThat(sum).isLessThanOrEqualTo(1.0).isGreaterThan(0.99);
    // A phase holding a day past its bake keeps 1/8 of a quarter for that day's tests.
    double dayAfter = 0;
    long perDay = 144;
    for (long k = segments.testsInBake(); k < segments.testsInBake() + perDay; k++) {
      dayAfter += segments.share(k);
    }
    assertThat(dayAfter).isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(segments.share(0)).isEqualTo(0.5);
    assertThat(segments.share(1)).isEqualTo(0.25 / (segments.testsInBake() - 1));
  }

  @Test
  void withoutAnOriginThereIsOneTestWithTheWholeBudget() {
    assertThat(TestSegments.SINGLE.share(0)).isEqualTo(1);
  }
}
