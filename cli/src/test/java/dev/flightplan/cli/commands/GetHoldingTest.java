package dev.flightplan.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code get} says why the rollout holds and shows what each gate last saw. */
class GetHoldingTest {
  private final CliHarness cli = new CliHarness();

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void afterATickGetShowsTheHoldAndTheGatesLatestEvaluation() {
    cli.started();
    ((InMemoryMetricsSource) cli.wiring.metricsSource())
        .set(
            "checkout-v2",
            "error_rate",
            new MetricReading.Values(
                VariantSample.ratio(12, 1_000, new double[0]),
                VariantSample.ratio(10, 1_000, new double[0])));
    cli.clock.advance(Duration.ofMinutes(15));
    cli.wiring.tick().run();

    Run run = cli.api("get", "checkout-v2");

    assertThat(run.out())
        .contains(
            "Holding    baking phase canary: 45m left of 1h  (since 2026-03-02T10:15:00Z, 0s ago)")
        .contains(
            "Gates      error_rate-rollback  error_rate > 5%  rollback  last: PASS 1.2%"
                + " n=1000/1000 at 2026-03-02T10:15:00Z");
  }

  @Test
  void getJsonPassesTheControllersViewThrough() {
    cli.started();

    Run run = cli.api("get", "checkout-v2", "-o", "json");

    assertThat(run.out()).contains("\"holding\" : null").contains("\"gates\" : [");
  }
}
