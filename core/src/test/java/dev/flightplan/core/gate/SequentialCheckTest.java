package dev.flightplan.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SequentialCheckTest {
  private static final Instant ORIGIN = Instant.parse("2026-01-05T10:01:00Z");
  private static final TestSegments SEGMENTS =
      TestSegments.of(
          ORIGIN, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), 10);

  /** {@code minutes} periods from the origin at {@code requests} a minute, errors per minute. */
  private static VariantSample rate(int minutes, double requests, double[] errors) {
    long[] starts = new long[minutes];
    double[] counts = new double[minutes];
    for (int i = 0; i < minutes; i++) {
      starts[i] = ORIGIN.getEpochSecond() + 60L * i;
      counts[i] = requests;
    }
    return VariantSample.ratio(new PeriodSeries(starts, errors, counts));
  }

  private static double[] constant(int minutes, double value) {
    double[] out = new double[minutes];
    java.util.Arrays.fill(out, value);
    return out;
  }

  @Test
  void aRegressionThatStartsMidPhaseIsJudgedByAFreshTest() {
    // 40 minutes at 300 requests a minute, 3 errors each side; from minute 30 the candidate has 9.
    double[] candidate = constant(40, 3);
    for (int i = 30; i < 40; i++) {
      candidate[i] = 9;
    }
    Instant end = ORIGIN.plus(Duration.ofMinutes(40));
    SequentialCheck.Outcome outcome =
        SequentialCheck.rateAgainstBaseline(
            rate(40, 300, candidate),
            rate(40, 300, constant(40, 3)),
            true,
            SequentialCheck.Past.ALWAYS,
            SEGMENTS,
            end);
    assertThat(outcome.p()).isLessThan(0.05);
    assertThat(outcome.since()).isEqualTo(ORIGIN.plus(Duration.ofMinutes(30)));
  }

  @Test
  void equalRatesCarryNoEvidence() {
    Instant end = ORIGIN.plus(Duration.ofMinutes(10));
    SequentialCheck.Outcome outcome =
        SequentialCheck.rateAgainstBaseline(
            rate(10, 300, constant(10, 3)),
            rate(10, 300, constant(10, 3)),
            true,
            SequentialCheck.Past.ALWAYS,
            SEGMENTS,
            end);
    assertThat(outcome.p()).isEqualTo(1);
  }

  @Test
  void periodsOutsideTheRunningTestsAreNotCounted() {
    // A burst of errors in minutes 0-4 only: by minute 30 every test that saw it has ended.
    double[] candidate = constant(30, 3);
    for (int i = 0; i < 5; i++) {
      candidate[i] = 30;
    }
    SequentialCheck.Outcome early =
        SequentialCheck.rateAgainstBaseline(
            rate(5, 300, java.util.Arrays.copyOf(candidate, 5)),
            rate(5, 300, constant(5, 3)),
            true,
            SequentialCheck.Past.ALWAYS,
            SEGMENTS,
            ORIGIN.plus(Duration.ofMinutes(5)));
    SequentialCheck.Outcome late =
        SequentialCheck.rateAgainstBaseline(
            rate(30, 300, candidate),
            rate(30, 300, constant(30, 3)),
            true,
            SequentialCheck.Past.ALWAYS,
            SEGMENTS,
            ORIGIN.plus(Duration.ofMinutes(30)));
    assertThat(early.p()).isLessThan(1e-6);
    assertThat(late.p()).isEqualTo(1);
  }

  @Test
  void anAbsoluteRateIsPastItsThresholdOnlyWithEnoughEvidence() {
    Instant end = ORIGIN.plus(Duration.ofMinutes(5));
    // 0.6% against a 0.5% threshold: 15 requests a minute cannot tell, 100,000 can.
    assertThat(
            SequentialCheck.rateAbove(
                    rate(5, 15, constant(5, 0.09)),
                    0.005,
                    true,
                    SequentialCheck.Past.ALWAYS,
                    SEGMENTS,
                    end)
                .p())
        .isEqualTo(1);
    assertThat(
            SequentialCheck.rateAbove(
                    rate(5, 100_000, constant(5, 600)),
                    0.005,
                    true,
                    SequentialCheck.Past.ALWAYS,
                    SEGMENTS,
                    end)
                .p())
        .isLessThan(0.001);
  }
}
