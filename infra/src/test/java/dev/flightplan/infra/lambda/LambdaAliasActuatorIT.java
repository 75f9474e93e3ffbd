package dev.flightplan.infra.lambda;

import static dev.flightplan.infra.lambda.MotoLambda.CANDIDATE;
import static dev.flightplan.infra.lambda.MotoLambda.STABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.infra.sns.Latencies;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/** The alias actuator against moto: canary weights, the blue-green switch, the instant revert. */
class LambdaAliasActuatorIT extends AliasOnMoto {

  @Test
  void canaryExposureBecomesTheCandidatesRoutingWeight() {
    for (int basisPoints : new int[] {1, 100, 500, 2_500, 5_000, 9_999}) {
      actuator.apply("r", TARGET, exposure(basisPoints));

      GetAliasResponse alias = getAlias();
      assertThat(alias.functionVersion()).isEqualTo(STABLE);
      assertThat(alias.routingConfig().additionalVersionWeights())
          .containsExactly(Map.entry(CANDIDATE, basisPoints / 10_000.0));
    }
  }

  @Test
  void fullExposureSwitchesTheAliasToTheCandidate() {
    actuator.apply("r", TARGET, exposure(2_500));
    actuator.apply("r", TARGET, exposure(Exposure.ALL));

    GetAliasResponse alias = getAlias();
    assertThat(alias.functionVersion()).isEqualTo(CANDIDATE);
    assertThat(weights(alias)).isEmpty();
  }

  @Test
  void noExposureRevertsToStableWithNoWeights() {
    actuator.apply("r", TARGET, exposure(Exposure.ALL));
    actuator.apply("r", TARGET, Exposure.NONE);

    GetAliasResponse alias = getAlias();
    assertThat(alias.functionVersion()).isEqualTo(STABLE);
    assertThat(weights(alias)).isEmpty();
  }

  @Test
  void audiencesDoNotApplyToAnAlias() {
    actuator.apply("r", TARGET, new Exposure(0, Set.of("employees")));
    assertThat(getAlias().functionVersion()).isEqualTo(STABLE);
    assertThat(weights(getAlias())).isEmpty();

    actuator.apply("r", TARGET, new Exposure(500, Set.of("employees")));
    assertThat(weights(getAlias())).containsExactly(Map.entry(CANDIDATE, 0.05));
  }

  @Test
  void eachChangeIsReadCheckedSetWithTheRevisionAndVerified() {
    actuator.apply("r", TARGET, exposure(500));

    assertThat(recorder.operations())
        .containsExactly(
            "GetAlias",
            "GetFunctionConfiguration",
            "GetFunctionConfiguration",
            "UpdateAlias",
            "GetAlias");
  }

  @Test
  void anAliasThatAlreadyRoutesAsAskedIsOnlyRead() {
    actuator.apply("r", TARGET, exposure(500));
    recorder.clear();

    actuator.apply("r", TARGET, exposure(500));

    assertThat(recorder.operations()).containsExactly("GetAlias");
  }

  @Test
  void aVersionThatDoesNotExistIsRefusedBeforeUpdateAlias() {
    Target.LambdaAlias unknown = new Target.LambdaAlias(FUNCTION, ALIAS, STABLE, "7");

    assertThatThrownBy(() -> actuator.apply("r", unknown, exposure(500)))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("version 7 of search-api does not exist");
    assertThat(recorder.operations()).doesNotContain("UpdateAlias");
    assertThat(getAlias().functionVersion()).isEqualTo(STABLE);
  }

  @Test
  void aMissingAliasOrFunctionIsAnActuationException() {
    Target.LambdaAlias missing = new Target.LambdaAlias(FUNCTION, "nope", STABLE, CANDIDATE);
    assertThatThrownBy(() -> actuator.apply("r", missing, exposure(500)))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("Lambda alias search-api:nope: GetAlias: no such function or alias");

    Target.LambdaAlias noFunction = new Target.LambdaAlias("nope", ALIAS, STABLE, CANDIDATE);
    assertThatThrownBy(() -> actuator.apply("r", noFunction, Exposure.NONE))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("no such function or alias");
  }

  @Test
  void latencyOfUpdateAliasAndGetAliasAgainstMoto() {
    int[] step = {0};
    Latencies raw =
        Latencies.measure(
            100,
            () -> {
              double weight = (1 + step[0]++ % 50) / 100.0;
              lambda.updateAlias(
                  r ->
                      r.functionName(FUNCTION)
                          .name(ALIAS)
                          .functionVersion(STABLE)
                          .routingConfig(
                              c -> c.additionalVersionWeights(Map.of(CANDIDATE, weight))));
              getAlias();
            });
    Latencies apply =
        Latencies.measure(
            100, () -> actuator.apply("r", TARGET, exposure(100 + step[0]++ % 50 * 100)));

    System.out.println(raw.report("Lambda UpdateAlias+GetAlias against moto"));
    System.out.println(apply.report("LambdaAliasActuator.apply (5 calls) against moto"));
    assertThat(raw.count()).isEqualTo(100);
  }

  private static Exposure exposure(int basisPoints) {
    return new Exposure(basisPoints, Set.of());
  }

  private static GetAliasResponse getAlias() {
    return lambda.getAlias(r -> r.functionName(FUNCTION).name(ALIAS));
  }

  private static Map<String, Double> weights(GetAliasResponse alias) {
    return alias.routingConfig() == null
        ? Map.of()
        : alias.routingConfig().additionalVersionWeights();
  }
}
