package dev.flightplan.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestSegmentsTest {
  private static final Instant ORIGIN = Instant.parse("2026-01-05T10:01:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void aNewTestStartsEveryHalfLookbackAndRunsForOneLookback() {
    TestSegments segments =
        TestSegments.of(ORIGIN, MINUTE, Duration.ofMinutes(10), Duration.ofHours(1), 4);
    assertThat(segments.spacing()).isEqualTo(Duration.ofMinutes(5));
    assertThat(segments.span()).isEqualTo(Duration.ofMinutes(10));
    assertThat(segments.testsInBake()).isEqualTo(12);
    assertThat(segments.running(ORIGIN)).containsExactly(0, -1);
    assertThat(segments.running(ORIGIN.plus(Duration.ofMinutes(3)))).containsExactly(0, 0);
    assertThat(segments.running(ORIGIN.plus(Duration.ofMinutes(7)))).containsExactly(0, 1);
    assertThat(segments.running(ORIGIN.plus(Duration.ofMinutes(10)))).containsExactly(0, 1);
    assertThat(segments.running(ORIGIN.plus(Duration.ofMinutes(11)))).containsExactly(1, 2);
    assertThat(segments.start(2)).isEqualTo(ORIGIN.plus(Duration.ofMinutes(10)));
  }

  @Test
  void sharesSumToAtMostOneAndFavourTheFirstTest() {
    TestSegments segments =
        TestSegments.of(ORIGIN, MINUTE, Duration.ofMinutes(10), Duration.ofDays(2), 6);
    double sum = 0;
    for (long k = 0; k < 1_000_000; k++) {
      sum += segments.share(k);
    }
    assertThat(sum).isLessThanOrEqualTo(1.0).isGreaterThan(0.99);
    assertThat(segments.share(0)).isEqualTo(0.5);
    assertThat(segments.share(1)).isEqualTo(0.25 / (segments.testsInBake() - 1));
  }

  @Test
  void withoutAnOriginThereIsOneTestWithTheWholeBudget() {
    assertThat(TestSegments.SINGLE.share(0)).isEqualTo(1);
  }
}
