package dev.flightplan.infra.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.evaluation.Exposure;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/** Exposure → alias routing, and the checks Lambda makes that moto does not. */
class AliasRoutingTest {
  private static final Target.LambdaAlias TARGET =
      new Target.LambdaAlias("search-api", "live", "41", "42");

  @Test
  void noExposureIsStableAloneTheInstantRevert() {
    assertThat(AliasRouting.forExposure(TARGET, Exposure.NONE))
        .isEqualTo(new AliasRouting("41", Map.of()));
  }

  @Test
  void aShareIsTheCandidatesWeightOnTopOfStable() {
    assertThat(routing(1).weights()).containsExactly(Map.entry("42", 0.0001));
    assertThat(routing(500).weights()).containsExactly(Map.entry("42", 0.05));
    assertThat(routing(2_550).weights()).containsExactly(Map.entry("42", 0.255));
    assertThat(routing(9_999).weights()).containsExactly(Map.entry("42", 0.9999));
    assertThat(routing(500).version()).isEqualTo("41");
  }

  @Test
  void fullExposureSwitchesToTheCandidateWithNoWeightsTheBlueGreenSwitch() {
    assertThat(routing(Exposure.ALL)).isEqualTo(new AliasRouting("42", Map.of()));
  }

  @Test
  void audiencesAreIgnored() {
    assertThat(AliasRouting.forExposure(TARGET, new Exposure(0, Set.of("employees"))))
        .isEqualTo(new AliasRouting("41", Map.of()));
  }

  @Test
  void latestUnpublishedAndEqualVersionsAreRefused() {
    assertRefused(new Target.LambdaAlias("f", "live", "41", "$LATEST"), "$LATEST cannot be routed");
    assertRefused(new Target.LambdaAlias("f", "live", "041", "42"), "'041'");
    assertRefused(new Target.LambdaAlias("f", "live", "41", "41"), "both version 41");
    assertRefused(new Target.LambdaAlias("f", "live", "41", "live"), "'live'");
  }

  @Test
  void weightsOutsideTheUnitIntervalOrTooPreciseAreRefused() {
    assertInvalid(new AliasRouting("41", Map.of("42", 1.5)), "outside [0, 1]");
    assertInvalid(new AliasRouting("41", Map.of("42", -0.01)), "outside [0, 1]");
    assertInvalid(new AliasRouting("41", Map.of("42", Double.NaN)), "outside [0, 1]");
    assertInvalid(new AliasRouting("41", Map.of("42", 0.123456)), "more than 5 decimals");
    assertInvalid(new AliasRouting("41", Map.of("42", 0.1, "43", 0.1)), "at most one");
    assertInvalid(new AliasRouting("41", Map.of("41", 0.1)), "cannot also be");
    assertThat(new AliasRouting("41", Map.of("42", 0.12345)).checked()).isNotNull();
  }

  @Test
  void whatAnAliasRoutesToNowIsReadWithoutChecks() {
    GetAliasResponse onLatest = GetAliasResponse.builder().functionVersion("$LATEST").build();

    assertThat(AliasRouting.of(onLatest)).isEqualTo(new AliasRouting("$LATEST", Map.of()));
    assertThat(AliasRouting.of(onLatest).sameAs(routing(0))).isFalse();
  }

  @Test
  void sameAsAllowsRoundingButNotAnotherWeight() {
    AliasRouting five = routing(500);
    assertThat(five.sameAs(new AliasRouting("41", Map.of("42", 0.0500000001)))).isTrue();
    assertThat(five.sameAs(new AliasRouting("41", Map.of("42", 0.05001)))).isFalse();
    assertThat(five.sameAs(new AliasRouting("41", Map.of()))).isFalse();
    assertThat(five.sameAs(new AliasRouting("42", Map.of("42", 0.05)))).isFalse();
  }

  private static AliasRouting routing(int basisPoints) {
    return AliasRouting.forExposure(TARGET, new Exposure(basisPoints, Set.of()));
  }

  private static void assertRefused(Target.LambdaAlias target, String why) {
    assertThatThrownBy(() -> AliasRouting.forExposure(target, new Exposure(500, Set.of())))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining(why);
  }

  private static void assertInvalid(AliasRouting routing, String why) {
    assertThatThrownBy(routing::checked)
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("invalid Lambda alias routing")
        .hasMessageContaining(why);
  }
}
