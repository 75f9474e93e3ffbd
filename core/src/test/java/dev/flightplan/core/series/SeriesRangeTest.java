package dev.flightplan.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesRangeTest {
  static final Instant NOW = Instant.parse("2026-11-29T12:00:30Z");
  static final Instant STARTED = Instant.parse("2026-11-29T10:00:20Z");
  static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void defaultsRunFromTheStartToTheLastWholePeriod() {
    SeriesRange range = SeriesRange.of(null, null, STARTED, NOW, MINUTE);

    assertThat(range.from()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(range.to()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    assertThat(range.period()).isEqualTo(MINUTE);
    assertThat(range.points()).isEqualTo(120);
  }

  @Test
  void aLongRangeWidensThePeriodToAtMost1440Points() {
    Instant from = NOW.minus(Duration.ofDays(14));

    SeriesRange range = SeriesRange.of(from, NOW, STARTED, NOW, MINUTE);

    assertThat(range.period()).isEqualTo(Duration.ofMinutes(14));
    assertThat(range.points()).isLessThanOrEqualTo(SeriesRange.MAX_POINTS);
  }

  @Test
  void theWidenedPeriodStaysAMultipleOfThePlanPeriod() {
    SeriesRange range =
        SeriesRange.of(NOW.minus(Duration.ofDays(3)), NOW, STARTED, NOW, Duration.ofMinutes(7));

    assertThat(range.period().toSeconds() % 420).isZero();
    assertThat(range.points()).isLessThanOrEqualTo(SeriesRange.MAX_POINTS);
  }

  @Test
  void withoutFromAnOldRolloutShowsItsLast14Days() {
    Instant longAgo = NOW.minus(Duration.ofDays(40));

    SeriesRange range = SeriesRange.of(null, null, longAgo, NOW, MINUTE);

    assertThat(range.from()).isAfter(NOW.minus(Duration.ofDays(14)).minus(range.period()));
  }

  @Test
  void moreThan14DaysNamesFromAndTheFix() {
    Instant from = NOW.minus(Duration.ofDays(15));

    assertThatThrownBy(() -> SeriesRange.of(from, NOW, STARTED, NOW, MINUTE))
        .isInstanceOfSatisfying(
            SeriesRangeException.class,
            e -> {
              assertThat(e.field()).isEqualTo("from");
              assertThat(e.problem()).contains("14 days");
              assertThat(e.fix()).contains(NOW.minus(Duration.ofDays(14)).toString());
            });
  }

  @Test
  void toNotAfterFromNamesTo() {
    assertThatThrownBy(() -> SeriesRange.of(NOW, NOW.minusSeconds(60), STARTED, NOW, MINUTE))
        .isInstanceOfSatisfying(
            SeriesRangeException.class, e -> assertThat(e.field()).isEqualTo("to"));
  }

  @Test
  void aToAloneBeforeTheRolloutStartedIsAnEmptyRangeNotAnError() {
    SeriesRange range =
        SeriesRange.of(null, STARTED.minus(Duration.ofHours(3)), STARTED, NOW, MINUTE);

    assertThat(range.isEmpty()).isTrue();
    assertThat(range.points()).isZero();
  }

  @Test
  void theFutureIsCutAtTheLastWholePeriod() {
    SeriesRange range =
        SeriesRange.of(STARTED, NOW.plus(Duration.ofHours(3)), STARTED, NOW, MINUTE);

    assertThat(range.to()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
  }
}
