package dev.flightplan.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.MetricSpec.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookbackPeriodsTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  @Test
  void wholePeriodsEndingAtTheLastBoundaryLeaveOutThePeriodFillingUp() {
    LookbackPeriods periods = LookbackPeriods.of(spec(1, 180), at(10).plusSeconds(30));

    assertThat(periods.starts()).containsExactly(at(7), at(8), at(9));
    assertThat(periods.first()).isEqualTo(at(7));
    assertThat(periods.last()).isEqualTo(at(9));
    assertThat(periods.minutes()).isEqualTo(1.0);
  }

  @Test
  void aLookbackThatIsNotAWholeNumberOfPeriodsRoundsUp() {
    assertThat(LookbackPeriods.of(spec(1, 90), at(10)).starts()).containsExactly(at(8), at(9));
  }

  @Test
  void aLookbackShorterThanThePeriodStillReadsOnePeriod() {
    LookbackPeriods periods = LookbackPeriods.of(spec(5, 60), at(17));

    assertThat(periods.starts()).containsExactly(at(10));
    assertThat(periods.last()).isEqualTo(periods.first());
    assertThat(periods.minutes()).isEqualTo(5.0);
  }

  private static MetricSpec spec(int periodMinutes, int lookbackSeconds) {
    return new MetricSpec(
        "m",
        "Search",
        "Latency",
        null,
        "Sum",
        Map.of(),
        Unit.NONE,
        Duration.ofMinutes(periodMinutes),
        Duration.ofSeconds(lookbackSeconds));
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }
}
