package dev.flightplan.infra.lambda;

import static dev.flightplan.infra.lambda.MotoLambda.CANDIDATE;
import static dev.flightplan.infra.lambda.MotoLambda.STABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.evaluation.Exposure;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;

/**
 * What moto cannot serve, tested at the SDK boundary: moto's UpdateAlias accepts any weight and
 * unknown versions and ignores RevisionId, and its GetAlias always shows what was set. So an
 * interceptor records the operations the actuator sends (proving validation refuses before any
 * UpdateAlias), fails calls as Lambda would, and rewrites GetAlias answers with the SDK's own model
 * builders to make verification fail.
 */
class LambdaAliasBoundaryIT extends AliasOnMoto {

  @Test
  void latestIsRefusedBeforeAnyCall_motoWouldRouteIt() {
    refusedWithoutCalls(new Target.LambdaAlias(FUNCTION, ALIAS, STABLE, "$LATEST"), "$LATEST");
    refusedWithoutCalls(new Target.LambdaAlias(FUNCTION, ALIAS, "$LATEST", CANDIDATE), "$LATEST");
  }

  @Test
  void sameStableAndCandidateIsRefusedBeforeAnyCall() {
    refusedWithoutCalls(
        new Target.LambdaAlias(FUNCTION, ALIAS, STABLE, STABLE), "stable and candidate are both");
  }

  @Test
  void nonNumericVersionsAndMissingNamesAreRefusedBeforeAnyCall() {
    refusedWithoutCalls(new Target.LambdaAlias(FUNCTION, ALIAS, "v1", CANDIDATE), "'v1'");
    refusedWithoutCalls(new Target.LambdaAlias(FUNCTION, ALIAS, "0", CANDIDATE), "'0'");
    refusedWithoutCalls(new Target.LambdaAlias(FUNCTION, ALIAS, STABLE, null), "'null'");
    refusedWithoutCalls(new Target.LambdaAlias(" ", ALIAS, STABLE, CANDIDATE), "no function");
    refusedWithoutCalls(new Target.LambdaAlias(FUNCTION, "", STABLE, CANDIDATE), "no alias");
  }

  @Test
  void anUnknownVersionIsRefusedBeforeUpdateAlias_motoWouldAcceptIt() {
    assertThatThrownBy(
            () ->
                actuator.apply(
                    "r", new Target.LambdaAlias(FUNCTION, ALIAS, "9", CANDIDATE), Exposure.NONE))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("version 9 of search-api does not exist");
    assertThat(recorder.operations()).containsExactly("GetAlias", "GetFunctionConfiguration");
  }

  @Test
  void updateAliasCarriesTheRevisionIdReadJustBefore_motoIgnoresIt() {
    String revision = lambda.getAlias(r -> r.functionName(FUNCTION).name(ALIAS)).revisionId();
    recorder.clear();

    actuator.apply("r", TARGET, exposure(500));

    UpdateAliasRequest update =
        recorder.requests().stream()
            .filter(UpdateAliasRequest.class::isInstance)
            .map(UpdateAliasRequest.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(update.revisionId()).isNotBlank().isEqualTo(revision);
    assertThat(update.routingConfig().additionalVersionWeights())
        .containsExactly(Map.entry(CANDIDATE, 0.05));
  }

  @Test
  void aRevisionConflictFailsAStepForward_motoNeverRaisesIt() {
    recorder.fail("UpdateAlias", revisionConflict(), 1);

    assertThatThrownBy(() -> actuator.apply("r", TARGET, exposure(500)))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("the alias changed since it was read")
        .hasCauseInstanceOf(PreconditionFailedException.class);
    assertThat(recorder.operations()).filteredOn("UpdateAlias"::equals).hasSize(1);
  }

  @Test
  void aRevertReadsAgainAndRetriesARevisionConflict_motoNeverRaisesIt() {
    actuator.apply("r", TARGET, exposure(500));
    recorder.clear();
    recorder.fail("UpdateAlias", revisionConflict(), 1);

    actuator.apply("r", TARGET, Exposure.NONE);

    assertThat(recorder.operations())
        .containsExactly(
            "GetAlias",
            "GetFunctionConfiguration",
            "UpdateAlias",
            "GetAlias",
            "UpdateAlias",
            "GetAlias");
    GetAliasResponse alias = lambda.getAlias(r -> r.functionName(FUNCTION).name(ALIAS));
    assertThat(alias.functionVersion()).isEqualTo(STABLE);
    assertThat(alias.routingConfig().additionalVersionWeights()).isEmpty();
  }

  @Test
  void aRevertGivesUpAfterRepeatedConflicts() {
    actuator.apply("r", TARGET, exposure(500));
    recorder.clear();
    recorder.fail("UpdateAlias", revisionConflict(), LambdaAliasActuator.REVERT_ATTEMPTS);

    assertThatThrownBy(() -> actuator.apply("r", TARGET, Exposure.NONE))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("the alias changed since it was read");
    assertThat(recorder.operations())
        .filteredOn("UpdateAlias"::equals)
        .hasSize(LambdaAliasActuator.REVERT_ATTEMPTS);
  }

  @Test
  void aServiceErrorOnUpdateAliasIsAnActuationException() {
    recorder.fail(
        "UpdateAlias",
        (LambdaException)
            LambdaException.builder().message("Service unavailable").statusCode(503).build(),
        1);

    assertThatThrownBy(() -> actuator.apply("r", TARGET, exposure(500)))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("UpdateAlias failed");
  }

  @Test
  void aGetAliasThatShowsOtherWeightsFailsVerification_motoAlwaysShowsWhatWasSet() {
    // Only the read after UpdateAlias is rewritten: the first GetAlias must see the real alias.
    recorder.rewrite(
        "GetAlias",
        response ->
            recorder.operations().contains("UpdateAlias")
                ? ((GetAliasResponse) response)
                    .toBuilder()
                        .routingConfig(
                            AliasRoutingConfiguration.builder()
                                .additionalVersionWeights(Map.of(CANDIDATE, 0.5))
                                .build())
                        .build()
                : response);

    assertThatThrownBy(() -> actuator.apply("r", TARGET, exposure(500)))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining(
            "after UpdateAlias it routes to version 1 + {2=0.5}, not version 1 + {2=0.05}");
  }

  @Test
  void aGetAliasThatShowsAnotherVersionFailsVerification() {
    recorder.rewrite(
        "GetAlias",
        response ->
            recorder.operations().contains("UpdateAlias")
                ? ((GetAliasResponse) response).toBuilder().functionVersion(STABLE).build()
                : response);

    assertThatThrownBy(() -> actuator.apply("r", TARGET, exposure(Exposure.ALL)))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("routes to version 1, not version 2");
  }

  private void refusedWithoutCalls(Target.LambdaAlias target, String why) {
    recorder.clear();
    assertThatThrownBy(() -> actuator.apply("r", target, exposure(500)))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("invalid Lambda alias routing")
        .hasMessageContaining(why);
    assertThatThrownBy(() -> actuator.apply("r", target, Exposure.NONE))
        .isInstanceOf(ActuationException.class);
    assertThat(recorder.operations()).isEmpty();
  }

  private static PreconditionFailedException revisionConflict() {
    return (PreconditionFailedException)
        PreconditionFailedException.builder()
            .message("The Revision Id provided does not match the latest Revision Id.")
            .statusCode(412)
            .build();
  }

  private static Exposure exposure(int basisPoints) {
    return new Exposure(basisPoints, Set.of());
  }
}
