package dev.flightplan.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class MotoPercentilesTest {
  @Test
  void onlyTheFiveBasicStatisticsAreLeftAsAsked() {
    assertThat(MotoPercentiles.isPercentileLike("p95")).isTrue();
    assertThat(MotoPercentiles.isPercentileLike("tm90")).isTrue();
    assertThat(MotoPercentiles.isPercentileLike("Average")).isFalse();
    assertThat(MotoPercentiles.isPercentileLike("SampleCount")).isFalse();
  }

  @Test
  void theScenarioRunsOnTheLastTuesdayMorningInsideThePlansWindow() {
    Instant sunday = Instant.parse("2026-11-29T18:00:00Z");

    ZonedDateTime start = CostBench.lastWindowMorning(sunday).atZone(ZoneId.of("Europe/Berlin"));

    assertThat(start.toString()).startsWith("2026-11-24T10:00+01:00");
  }
}
