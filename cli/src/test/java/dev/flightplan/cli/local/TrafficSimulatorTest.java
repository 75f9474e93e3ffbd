package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSimulatorTest {
  static final Plan PLAN = PlanReader.read(Demo.planText());
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  static Rollout at(int phase) {
    RolloutState state =
        RolloutState.draft(NOW).toBuilder().status(RolloutStatus.RUNNING).phase(phase).build();
    return new Rollout(PLAN, state, 1);
  }

  static VariantSample sample(Observations observed, String metric, boolean candidate) {
    MetricReading.Values values = (MetricReading.Values) observed.get(metric);
    return candidate ? values.candidate() : values.baseline();
  }

  static Observations observe(TrafficSimulator simulator, Rollout rollout) {
    return simulator.observe(List.of(rollout), NOW).get(rollout.id());
  }

  @Test
  void candidateTrafficFollowsExposure() {
    long ring =
        sample(observe(new TrafficSimulator(1, List.of()), at(0)), "error_rate", true).samples();
    long five =
        sample(observe(new TrafficSimulator(1, List.of()), at(2)), "error_rate", true).samples();
    long all =
        sample(observe(new TrafficSimulator(1, List.of()), at(4)), "error_rate", true).samples();
    // The default lookback: thirty one-minute periods.
    double perWindow = TrafficSimulator.REQUESTS_PER_MINUTE * 30;
    // internal: employees only (1 %); standard-5: 5 % plus both audiences of everyone else.
    assertThat(ring / perWindow).isBetween(0.009, 0.011);
    assertThat(five / perWindow).isBetween(0.065, 0.072);
    assertThat(all / perWindow).isBetween(0.99, 1.01);
    VariantSample baseline =
        sample(observe(new TrafficSimulator(1, List.of()), at(2)), "error_rate", false);
    assertThat((five + baseline.samples()) / perWindow).isBetween(0.98, 1.02);
  }

  @Test
  void faultStartsAtTheNamedPhase() {
    TrafficSimulator before =
        new TrafficSimulator(3, List.of(Fault.parse("error-rate=8%@standard-5")));
    TrafficSimulator after =
        new TrafficSimulator(3, List.of(Fault.parse("error-rate=8%@standard-5")));
    assertThat(sample(observe(before, at(1)), "error_rate", true).value()).isLessThan(0.005);
    assertThat(sample(observe(after, at(2)), "error_rate", true).value()).isBetween(0.075, 0.085);
    assertThat(sample(observe(after, at(2)), "error_rate", false).value()).isLessThan(0.005);
  }

  @Test
  void latencyFaultMultipliesTheCandidateOnly() {
    TrafficSimulator slow = new TrafficSimulator(5, List.of(Fault.parse("latency=2x@beta")));
    Observations observed = observe(slow, at(1));
    double ratio =
        sample(observed, "latency_p95", true).value()
            / sample(observed, "latency_p95", false).value();
    assertThat(ratio).isBetween(1.8, 2.2);
  }

  @Test
  void readsEveryMetricOfThePlan() {
    Observations observed = observe(new TrafficSimulator(9, List.of()), at(2));
    assertThat(observed.byMetric()).containsOnlyKeys(PLAN.metrics().keySet());
    VariantSample errors = sample(observed, "error_rate", true);
    assertThat(errors.isRatio()).isTrue();
    assertThat(errors.numerator() / errors.denominator()).isEqualTo(errors.value());
    assertThat(errors.points()).hasSize(30);
    VariantSample latency = sample(observed, "latency_p95", true);
    assertThat(latency.isRatio()).isFalse();
    assertThat(latency.value()).isBetween(100.0, 140.0);
    assertThat(latency.samples()).isPositive();
    assertThat(latency.points()).hasSize(30);
    // A require gate of >= 0.85 holds on a healthy service.
    assertThat(sample(observed, "search_quality", true).value()).isGreaterThan(0.85);
  }

  @Test
  void sameSeedSameReadings() {
    VariantSample first =
        sample(observe(new TrafficSimulator(11, List.of()), at(3)), "error_rate", true);
    VariantSample again =
        sample(observe(new TrafficSimulator(11, List.of()), at(3)), "error_rate", true);
    VariantSample other =
        sample(observe(new TrafficSimulator(12, List.of()), at(3)), "error_rate", true);
    assertThat(again.points()).containsExactly(first.points());
    assertThat(again.numerator()).isEqualTo(first.numerator());
    assertThat(other.points()).isNotEqualTo(first.points());
  }

  @Test
  void noExposureIsMissingNotAPass() {
    RolloutState rolledBack =
        RolloutState.draft(NOW).toBuilder().status(RolloutStatus.ROLLED_BACK).phase(-1).build();
    Observations observed =
        observe(new TrafficSimulator(1, List.of()), new Rollout(PLAN, rolledBack, 1));
    assertThat(observed.get("error_rate")).isInstanceOf(MetricReading.Missing.class);
  }

  @Test
  void faultSyntax() {
    assertThat(Fault.parse("error-rate=8%@standard-5"))
        .isEqualTo(new Fault(Fault.Kind.ERROR_RATE, 0.08, "standard-5"));
    assertThat(Fault.parse("latency=2x@beta")).isEqualTo(new Fault(Fault.Kind.LATENCY, 2, "beta"));
    assertThatThrownBy(() -> Fault.parse("errors=8%"))
        .hasMessageContaining("error-rate=<percent>%@<phase>");
    assertThatThrownBy(() -> Fault.parse("error-rate=120%@all")).hasMessageContaining("0% to 100%");
  }
}
