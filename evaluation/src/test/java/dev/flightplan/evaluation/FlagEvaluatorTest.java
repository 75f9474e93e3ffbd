package dev.flightplan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.flightplan.evaluation.Audience.Match;
import dev.flightplan.evaluation.FlagEvaluation.Reason;
import dev.flightplan.evaluation.FlagEvaluation.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagEvaluatorTest {
  private static final String FLAG = "new-search-algorithm";
  private static final String SALT = "2024-06-01";
  private static final Map<String, String> EMPLOYEE = Map.of("email", "ana@example.com");
  private static final Map<String, Audience> AUDIENCES = audiences();

  private final FlagEvaluator evaluator = FlagEvaluator.of(FLAG, SALT);

  @Test
  void offWhenNothingIsExposed() {
    FlagEvaluation result = evaluator.evaluate(Exposure.NONE, AUDIENCES, "user-1", EMPLOYEE);

    assertThat(result)
        .isEqualTo(
            new FlagEvaluation(
                false, Variant.BASELINE, Reason.OFF, null, Bucketer.bucket(FLAG, SALT, "user-1")));
  }

  @Test
  void audienceWhenTheUnitMatchesAnExposedAudience() {
    FlagEvaluation result =
        evaluator.evaluate(new Exposure(0, Set.of("employees")), AUDIENCES, "user-1", EMPLOYEE);

    assertThat(result.enabled()).isTrue();
    assertThat(result.variant()).isEqualTo(Variant.CANDIDATE);
    assertThat(result.reason()).isEqualTo(Reason.AUDIENCE);
    assertThat(result.audience()).isEqualTo("employees");
  }

  @Test
  void theFirstMatchingAudienceInPlanOrderIsNamed() {
    Map<String, String> both = Map.of("email", "ana@example.com", "beta", "true");
    Exposure ring = new Exposure(0, Set.of("beta", "employees"));

    assertThat(evaluator.evaluate(ring, AUDIENCES, "u", both).audience()).isEqualTo("employees");
  }

  @Test
  void anAudienceThatIsDefinedButNotExposedDoesNotCount() {
    FlagEvaluation result =
        evaluator.evaluate(new Exposure(0, Set.of("beta")), AUDIENCES, "user-1", EMPLOYEE);

    assertThat(result.reason()).isEqualTo(Reason.OUT_OF_ROLLOUT);
  }

  @Test
  void anExposedAudienceWithoutADefinitionMatchesNobody() {
    FlagEvaluation result =
        evaluator.evaluate(new Exposure(0, Set.of("ghosts")), AUDIENCES, "user-1", EMPLOYEE);

    assertThat(result.reason()).isEqualTo(Reason.OUT_OF_ROLLOUT);
    assertThat(result.enabled()).isFalse();
  }

  @Test
  void percentageWhenTheBucketIsBelowTheBasisPoints() {
    int bucket = Bucketer.bucket(FLAG, SALT, "user-1");

    FlagEvaluation in =
        evaluator.evaluate(new Exposure(bucket + 1, Set.of()), AUDIENCES, "user-1", Map.of());
    FlagEvaluation out =
        evaluator.evaluate(new Exposure(bucket, Set.of()), AUDIENCES, "user-1", Map.of());

    assertThat(in)
        .isEqualTo(new FlagEvaluation(true, Variant.CANDIDATE, Reason.PERCENTAGE, null, bucket));
    assertThat(out)
        .isEqualTo(
            new FlagEvaluation(false, Variant.BASELINE, Reason.OUT_OF_ROLLOUT, null, bucket));
  }

  @Test
  void everyoneIsInAtOneHundredPercent() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(
              evaluator
                  .evaluate(new Exposure(Exposure.ALL, Set.of()), AUDIENCES, "u" + i, Map.of())
                  .reason())
          .isEqualTo(Reason.PERCENTAGE);
    }
  }

  @Test
  void theOneOffFormAgreesWithTheReusedEvaluator() {
    Exposure exposure = new Exposure(2_500, Set.of("beta"));

    for (String unit : List.of("", "user-1", "é", "🚀", "日本")) {
      assertThat(FlagEvaluator.evaluate(FLAG, SALT, exposure, AUDIENCES, unit, Map.of()))
          .isEqualTo(evaluator.evaluate(exposure, AUDIENCES, unit, Map.of()));
    }
  }

  @Test
  void theBooleanFormAgreesWithTheFullEvaluation() {
    List<Map<String, String>> contexts =
        List.of(Map.of(), EMPLOYEE, Map.of("beta", "true"), Map.of("email", "x@other.org"));
    for (Exposure exposure :
        List.of(
            Exposure.NONE,
            new Exposure(0, Set.of("beta")),
            new Exposure(1, Set.of()),
            new Exposure(2_500, Set.of("employees")),
            new Exposure(Exposure.ALL, Set.of()))) {
      for (int i = 0; i < 2_000; i++) {
        String unit = "user-" + i;
        Map<String, String> context = contexts.get(i % contexts.size());
        assertThat(evaluator.isEnabled(exposure, AUDIENCES, unit, context))
            .as("%s with %s", unit, exposure)
            .isEqualTo(evaluator.evaluate(exposure, AUDIENCES, unit, context).enabled());
      }
    }
  }

  @Test
  void theOutcomeCodeAgreesWithTheFullEvaluation() {
    List<Map<String, String>> contexts =
        List.of(
            Map.of(),
            EMPLOYEE,
            Map.of("beta", "true"),
            Map.of("email", "ana@example.com", "beta", "true"));
    for (Exposure exposure :
        List.of(
            Exposure.NONE,
            new Exposure(0, Set.of("beta", "ghosts")),
            new Exposure(1, Set.of()),
            new Exposure(2_500, Set.of("beta", "employees")),
            new Exposure(Exposure.ALL, Set.of()))) {
      var exposed = FlagEvaluator.exposedAudiences(exposure, AUDIENCES);
      for (int i = 0; i < 2_000; i++) {
        String unit = "user-" + i;
        Map<String, String> context = contexts.get(i % contexts.size());
        FlagEvaluation full = evaluator.evaluate(exposure, AUDIENCES, unit, context);

        int outcome = evaluator.outcome(exposure, exposed, unit, context);

        assertThat(FlagEvaluator.reasonOf(outcome)).isEqualTo(full.reason());
        assertThat(
                outcome >= FlagEvaluator.FIRST_AUDIENCE
                    ? exposed.get(outcome - FlagEvaluator.FIRST_AUDIENCE).getKey()
                    : null)
            .as("%s with %s", unit, exposure)
            .isEqualTo(full.audience());
      }
    }
  }

  @Test
  void theExposedAudiencesAreTheDefinedOnesInPlanOrder() {
    var exposed =
        FlagEvaluator.exposedAudiences(
            new Exposure(0, Set.of("beta", "ghosts", "employees")), AUDIENCES);

    assertThat(exposed).extracting(Map.Entry::getKey).containsExactly("employees", "beta");
  }

  @Test
  void theWireNamesAreTheApis() {
    assertThat(Variant.CANDIDATE.wireName()).isEqualTo("candidate");
    assertThat(Variant.BASELINE.wireName()).isEqualTo("baseline");
  }

  @Test
  void anEvaluationIsConsistent() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FlagEvaluation(true, Variant.CANDIDATE, Reason.AUDIENCE, null, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new FlagEvaluation(true, Variant.CANDIDATE, Reason.PERCENTAGE, "beta", 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FlagEvaluation(true, Variant.BASELINE, Reason.PERCENTAGE, null, 1));
  }

  private static Map<String, Audience> audiences() {
    Map<String, Audience> audiences = new LinkedHashMap<>(); // plan order matters
    audiences.put("employees", new Audience("email", Match.ENDS_WITH, List.of("@example.com")));
    audiences.put("beta", new Audience("beta", Match.EQUALS, List.of("true")));
    return audiences;
  }
}
