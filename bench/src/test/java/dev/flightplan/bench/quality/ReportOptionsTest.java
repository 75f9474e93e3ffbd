package dev.flightplan.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportOptionsTest {

  @Test
  void defaultsAreTheFullReport() {
    ReportOptions options = ReportOptions.parse();

    assertThat(options.rollouts()).isEqualTo(ReportOptions.DEFAULT_ROLLOUTS);
    assertThat(options.powerRollouts()).isEqualTo(ReportOptions.DEFAULT_POWER_ROLLOUTS);
    assertThat(options.seed()).isEqualTo(ReportOptions.DEFAULT_SEED);
    assertThat(options.threads()).isPositive();
  }

  @Test
  void quickIsASmallRunAndRolloutsSetsTheRegressionsToATenth() {
    assertThat(ReportOptions.parse("--quick").rollouts()).isEqualTo(ReportOptions.QUICK_ROLLOUTS);
    assertThat(ReportOptions.parse("--rollouts", "800", "--seed", "-3"))
        .isEqualTo(new ReportOptions(800, 80, -3, ReportOptions.parse().threads()));
    assertThat(ReportOptions.parse("--rollouts", "8", "--power-rollouts", "5", "--threads", "1"))
        .isEqualTo(new ReportOptions(8, 5, ReportOptions.DEFAULT_SEED, 1));
  }

  @Test
  void aBadValueNamesItsOption() {
    assertThatThrownBy(() -> ReportOptions.parse("--rollouts", "0"))
        .hasMessage("--rollouts needs a whole number above 0, not 0");
    assertThatThrownBy(() -> ReportOptions.parse("--seed", "x"))
        .hasMessage("--seed needs a whole number, not x");
    assertThatThrownBy(() -> ReportOptions.parse("--threads"))
        .hasMessageStartingWith("--threads needs a value");
    assertThatThrownBy(() -> ReportOptions.parse("--fast"))
        .hasMessageStartingWith("unknown option --fast");
  }
}
