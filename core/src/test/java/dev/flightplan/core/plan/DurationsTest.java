package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "90s, PT1M30S",
    "10m, PT10M",
    "48h, PT48H",
    "2d, PT48H",
    "0s, PT0S",
    "0, PT0S",
    "PT10M, PT10M",
    "P2D, PT48H",
    "pt1h30m, PT1H30M"
  })
  void parses_short_and_iso_forms(String text, String expected) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "10", "10 m", "1h30m", "-5m", "PT-5M", "P1W", "5w", "1.5h", "ten minutes"})
  void refuses_anything_else(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0s",
    "PT1M30S, 90s",
    "PT10M, 10m",
    "PT36H, 36h",
    "PT48H, 2d",
    "PT0.5S, PT0.5S"
  })
  void formats_in_the_largest_unit_that_fits(String duration, String expected) {
    assertThat(Durations.format(Duration.parse(duration))).isEqualTo(expected);
    assertThat(Durations.parse(expected)).isEqualTo(Duration.parse(duration));
  }
}
