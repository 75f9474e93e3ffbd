package dev.flightplan.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void standsStillUntilAdvanced() {
    SimulatedClock clock = new SimulatedClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofMinutes(1))).isEqualTo(START.plusSeconds(60));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
    assertThat(clock.millis()).isEqualTo(START.plusSeconds(60).toEpochMilli());
  }

  @Test
  void isUtcOnly() {
    SimulatedClock clock = new SimulatedClock(START);

    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Paris")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void noStepIsLostWhenThreadsAdvanceItTogether() throws InterruptedException {
    SimulatedClock clock = new SimulatedClock(START);

    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      IntStream.range(0, 4_000)
          .forEach(i -> threads.execute(() -> clock.advance(Duration.ofSeconds(1))));
    }

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(4_000));
  }
}
