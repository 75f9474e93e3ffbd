package dev.flightplan.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.MetricSpec.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceWindowTest {
  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  @Test
  void wholePeriodsEndingAtTheLastBoundaryLeaveOutThePeriodFillingUp() {
    EvidenceWindow window = EvidenceWindow.of(spec(1, 180), null, at(10).plusSeconds(30));

    assertThat(window.from()).isEqualTo(at(7));
    assertThat(window.to()).isEqualTo(at(10));
    assertThat(window.seconds()).isEqualTo(180);
  }

  @Test
  void aLookbackThatIsNotAWholeNumberOfPeriodsRoundsUp() {
    assertThat(EvidenceWindow.of(spec(1, 90), null, at(10)).from()).isEqualTo(at(8));
  }

  @Test
  void aLookbackShorterThanThePeriodStillReadsOnePeriod() {
    EvidenceWindow window = EvidenceWindow.of(spec(5, 60), null, at(17));

    assertThat(window.from()).isEqualTo(at(10));
    assertThat(window.to()).isEqualTo(at(15));
  }

  @Test
  void evidenceStartsAtTheFirstBoundaryAfterTheSettlingTime() {
    Instant change = at(0).plusSeconds(10);
    MetricSpec spec = spec(1, 600);

    assertThat(EvidenceWindow.origin(spec, change)).isEqualTo(at(1));
    assertThat(EvidenceWindow.origin(spec, at(0).plusSeconds(40))).isEqualTo(at(2));
    assertThat(EvidenceWindow.origin(spec, at(0))).isEqualTo(at(1));
    assertThat(EvidenceWindow.of(spec, change, at(1).plusSeconds(50)).isEmpty()).isTrue();
    EvidenceWindow first = EvidenceWindow.of(spec, change, at(2));
    assertThat(first.from()).isEqualTo(at(1));
    assertThat(first.to()).isEqualTo(at(2));
    EvidenceWindow later = EvidenceWindow.of(spec, change, at(6).plusSeconds(5));
    assertThat(later.from()).isEqualTo(at(1));
    assertThat(later.seconds()).isEqualTo(300);
  }

  @Test
  void longAfterTheChangeTheLookbackBoundsTheWindow() {
    EvidenceWindow window = EvidenceWindow.of(spec(1, 600), at(0), at(60));

    assertThat(window.from()).isEqualTo(at(50));
    assertThat(window.to()).isEqualTo(at(60));
  }

  static MetricSpec spec(int periodMinutes, int lookbackSeconds) {
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

  static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }
}
