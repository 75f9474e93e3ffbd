package dev.flightplan.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTest {

  @Test
  void noHitsBoundTheShareByTheClosedFormOfClopperPearson() {
    double[] interval = new Proportion(0, 10).interval(0.95);

    assertThat(interval[0]).isZero();
    assertThat(interval[1]).isCloseTo(1 - Math.pow(0.025, 1.0 / 10), within(1e-9)); // 0.3085
  }

  @Test
  void allHitsAndOneHitMatchTheirClosedForms() {
    assertThat(new Proportion(10, 10).interval(0.95))
        .containsExactly(new double[] {Math.pow(0.025, 1.0 / 10), 1}, within(1e-9));
    assertThat(new Proportion(1, 20).interval(0.95)[0])
        .isCloseTo(1 - Math.pow(0.975, 1.0 / 20), within(1e-9));
  }

  @Test
  void fiveOfTenMatchesThePublishedInterval() {
    // R: binom.test(5, 10)$conf.int is 0.1870860 0.8129140.
    assertThat(new Proportion(5, 10).interval(0.95))
        .containsExactly(new double[] {0.1870860, 0.8129140}, within(1e-7));
  }

  @Test
  void theShareIsHitsOverTrials() {
    assertThat(new Proportion(3, 400).share()).isEqualTo(0.0075);
  }

  @Test
  void moreHitsThanTrialsIsRefused() {
    assertThatThrownBy(() -> new Proportion(3, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
