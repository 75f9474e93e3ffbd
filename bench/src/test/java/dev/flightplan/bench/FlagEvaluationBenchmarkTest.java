package dev.flightplan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.bench.FlagEvaluationBenchmark.ClientState;
import dev.flightplan.bench.FlagEvaluationBenchmark.EvaluatorState;
import dev.flightplan.bench.FlagEvaluationBenchmark.OpenFeatureContexts;
import dev.flightplan.bench.FlagEvaluationBenchmark.OpenFeatureState;
import dev.flightplan.bench.FlagEvaluationBenchmark.SdkOnlyState;
import dev.flightplan.bench.FlagEvaluationBenchmark.UnitState;
import dev.flightplan.bench.flags.Units;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Flightplan benchmarks measure the same answers: for every unit, the evaluator, the client,
 * the OpenFeature client and the provider alone agree, and about a quarter of the units see the
 * candidate. The SDK's no-op provider answers the caller's default.
 */
class FlagEvaluationBenchmarkTest {
  private final FlagEvaluationBenchmark benchmark = new FlagEvaluationBenchmark();
  private final EvaluatorState evaluator = new EvaluatorState();
  private final ClientState client = new ClientState();
  private final OpenFeatureState openFeature = new OpenFeatureState();
  private final SdkOnlyState sdkOnly = new SdkOnlyState();

  @BeforeEach
  void start() {
    client.start();
    openFeature.start();
    sdkOnly.start();
  }

  @AfterEach
  void stop() {
    client.stop();
    openFeature.stop();
    sdkOnly.stop();
  }

  @Test
  void everyFlightplanPathGivesEachUnitTheSameAnswer() {
    UnitState[] units = {new UnitState(), new UnitState(), new UnitState(), new UnitState()};
    OpenFeatureContexts contexts = new OpenFeatureContexts();
    contexts.build(units[0]);
    OpenFeatureContexts providerContexts = new OpenFeatureContexts();
    providerContexts.build(units[0]);
    int enabled = 0;

    for (int i = 0; i < Units.COUNT; i++) {
      boolean expected = benchmark.flightplanEvaluator(evaluator, units[1]);
      assertThat(benchmark.flightplanClient(client, units[2])).as("unit %d", i).isEqualTo(expected);
      assertThat(benchmark.openFeature(openFeature, contexts)).isEqualTo(expected);
      assertThat(benchmark.openFeatureContextPerCall(openFeature, units[3])).isEqualTo(expected);
      assertThat(benchmark.flightplanProvider(openFeature, providerContexts).getValue())
          .isEqualTo(expected);
      enabled += expected ? 1 : 0;
    }

    // 25 % of 1,024 units: a binomial standard deviation is about 14.
    assertThat(enabled).isBetween(200, 312);
  }

  @Test
  void theSdkAloneAnswersTheDefault() {
    OpenFeatureContexts contexts = new OpenFeatureContexts();
    contexts.build(new UnitState());

    assertThat(benchmark.openFeatureSdkOnly(sdkOnly, contexts)).isFalse();
  }
}
