package dev.flightplan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.evaluation.Audience.Match;
import dev.flightplan.evaluation.FlagEvaluation.Reason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Sticky and monotone bucketing (docs/design.md §6), for any flag, salt and unit. */
class BucketingPropertiesTest {
  private static final Map<String, Audience> AUDIENCES =
      Map.of(
          "employees", new Audience("email", Match.ENDS_WITH, List.of("@example.com")),
          "beta", new Audience("beta", Match.EQUALS, List.of("true")));

  @Property
  void theSameInputsAlwaysGiveTheSameBucket(
      @ForAll String flagKey, @ForAll String salt, @ForAll String unit) {
    int bucket = Bucketer.of(flagKey, salt).bucket(unit);

    assertThat(bucket).isBetween(0, Bucketer.BUCKETS - 1);
    assertThat(Bucketer.of(flagKey, salt).bucket(unit)).isEqualTo(bucket);
    assertThat(Bucketer.bucket(flagKey, salt, unit)).isEqualTo(bucket);
    assertThat(FlagEvaluator.of(flagKey, salt).evaluate(Exposure.NONE, Map.of(), unit, Map.of()))
        .extracting(FlagEvaluation::bucket)
        .isEqualTo(bucket);
  }

  @Property
  void raisingTheExposureKeepsEveryoneAlreadyExposed(
      @ForAll("flagKeys") String flagKey,
      @ForAll String unit,
      @ForAll boolean beta,
      @ForAll @IntRange(max = Exposure.ALL) int a,
      @ForAll @IntRange(max = Exposure.ALL) int b) {
    FlagEvaluator evaluator = FlagEvaluator.of(flagKey, "salt");
    Map<String, String> context = Map.of("beta", String.valueOf(beta));
    Exposure before = new Exposure(Math.min(a, b), Set.of("beta"));
    Exposure after = new Exposure(Math.max(a, b), Set.of("beta", "employees"));

    if (evaluator.evaluate(before, AUDIENCES, unit, context).enabled()) {
      assertThat(evaluator.evaluate(after, AUDIENCES, unit, context).enabled()).isTrue();
    }
  }

  @Property
  void percentageExposureIsExactlyTheBucketsBelowTheBasisPoints(
      @ForAll("flagKeys") String flagKey,
      @ForAll String unit,
      @ForAll @IntRange(max = Exposure.ALL) int basisPoints) {
    FlagEvaluation result =
        FlagEvaluator.of(flagKey, "s")
            .evaluate(new Exposure(basisPoints, Set.of()), AUDIENCES, unit, Map.of());

    assertThat(result.enabled()).isEqualTo(result.bucket() < basisPoints);
  }

  @Property
  void anAudienceMatchDoesNotDependOnThePercentage(
      @ForAll("flagKeys") String flagKey,
      @ForAll String unit,
      @ForAll("localParts") String localPart,
      @ForAll @IntRange(max = Exposure.ALL) int basisPoints) {
    FlagEvaluator evaluator = FlagEvaluator.of(flagKey, "s");
    Map<String, String> context = Map.of("email", localPart + "@example.com");
    FlagEvaluation result =
        evaluator.evaluate(
            new Exposure(basisPoints, Set.of("employees")), AUDIENCES, unit, context);

    assertThat(result.reason()).isEqualTo(Reason.AUDIENCE);
    assertThat(result.audience()).isEqualTo("employees");
    assertThat(result)
        .isEqualTo(
            evaluator.evaluate(new Exposure(0, Set.of("employees")), AUDIENCES, unit, context));
  }

  @Provide
  Arbitrary<String> flagKeys() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
        .ofMinLength(1)
        .ofMaxLength(63);
  }

  @Provide
  Arbitrary<String> localParts() {
    return Arbitraries.strings().alpha().numeric().ofMaxLength(20);
  }
}
