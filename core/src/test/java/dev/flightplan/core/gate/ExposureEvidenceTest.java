package dev.flightplan.core.gate;

import static dev.flightplan.core.gate.EvidenceWindowTest.at;
import static dev.flightplan.core.gate.EvidenceWindowTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.MetricSpec;
import org.junit.jupiter.api.Test;

class ExposureEvidenceTest {
  private final ExposureEvidence beta = new ExposureEvidence("beta", at(0).plusSeconds(10));

  @Test
  void anEmptyWindowSaysWhenTheFirstFullPeriodEnds() {
    MetricSpec spec = spec(1, 600);

    assertThat(beta.window(spec, at(1).plusSeconds(30)).isEmpty()).isTrue();
    assertThat(beta.notYet(spec).detail())
        .isEqualTo(
            "no evidence at this exposure yet: phase beta began 09:00:10 UTC; the first full"
                + " period ends 09:02:00 UTC");
  }

  @Test
  void theFirstFullPeriodOnAnotherDayShowsItsDate() {
    ExposureEvidence late = new ExposureEvidence(null, at(14 * 60 + 40));

    assertThat(late.notYet(spec(60, 3600)).detail())
        .isEqualTo(
            "no evidence at this exposure yet: the current phase began 23:40:00 UTC; the first"
                + " full period ends 2025-03-04 01:00:00 UTC");
  }

  @Test
  void aWindowShorterThanTheLookbackSaysItIsAtThisExposure() {
    MetricSpec spec = spec(1, 600);

    assertThat(ExposureEvidence.span(beta.window(spec, at(4)), spec))
        .isEqualTo("the 3m since 09:01:00 UTC at this exposure");
    assertThat(ExposureEvidence.span(beta.window(spec, at(30)), spec)).isEqualTo("the last 10m");
    assertThat(ExposureEvidence.span(ExposureEvidence.UNKNOWN.window(spec, at(4)), spec))
        .isEqualTo("the last 10m");
  }
}
