package dev.flightplan.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One behaviour for every {@link MetricsSource}: what is recorded for a rollout comes back as that
 * rollout's readings, per variant. Each rollout's plan is read from YAML; its metrics carry the
 * rollout id as a dimension, so rollouts observed together never share a series. Extend it with a
 * source that holds no data at the start of each test.
 */
public abstract class MetricsSourceContract {
  /** A ratio metric: {@code Errors} over {@code Requests}, per variant. */
  protected static final String ERROR_RATE = "error_rate";

  /** A plain metric read with the {@code Sum} statistic, per variant. */
  protected static final String WORK = "work";

  protected static final String CANDIDATE = "candidate";
  protected static final String BASELINE = "baseline";

  private static final Duration LOOKBACK = Duration.ofMinutes(10);

  private final Map<String, Rollout> rollouts = new HashMap<>();
  private Instant now;

  /** The source under test. */
  protected abstract MetricsSource source();

  /** Records one period of a ratio metric for a variant ({@code candidate} or {@code baseline}). */
  protected abstract void record(
      String rolloutId,
      String metric,
      String variant,
      Instant at,
      double numerator,
      double denominator);

  /** Records one observation of a plain metric for a variant. */
  protected abstract void recordValue(
      String rolloutId, String metric, String variant, Instant at, double value);

  /**
   * Makes every later {@code observe} fail at the provider, as an outage would; data recorded
   * before stays where it is. A source that cannot be made to fail that way calls {@link
   * #notApplicable(String)} with the reason.
   */
  protected abstract void breakIt();

  /** Skips the calling test, naming why it does not apply to this adapter. */
  protected static void notApplicable(String why) {
    Assumptions.abort(why);
  }

  /**
   * The instant the source is observed at, half a minute past a whole minute. Sources that keep
   * data only for a while (CloudWatch) override it with the current time.
   */
  protected Instant observedAt() {
    return Instant.parse("2025-03-03T09:10:30Z");
  }

  /** The rollout the contract observes under {@code id}, read from plan YAML once per test. */
  protected final Rollout rollout(String id) {
    return rollouts.computeIfAbsent(
        id, k -> new Rollout(PlanReader.read(planYaml(k)), RolloutState.draft(now()), 1));
  }

  /** The spec of {@code metric} in the plan of {@code rolloutId}: namespace, names, dimensions. */
  protected final MetricSpec spec(String rolloutId, String metric) {
    return rollout(rolloutId).plan().metrics().get(metric);
  }

  @Test
  void aRatioComesBackAsTheSummedNumeratorAndDenominatorPerVariant() {
    record("alpha", ERROR_RATE, CANDIDATE, minute(1), 10, 100);
    record("alpha", ERROR_RATE, CANDIDATE, minute(2), 5, 100);
    record("alpha", ERROR_RATE, BASELINE, minute(1), 2, 200);
    record("alpha", ERROR_RATE, BASELINE, minute(5), 2, 200);

    MetricReading.Values values = values(observe("alpha").get("alpha"), ERROR_RATE);

    assertRatio(values.candidate(), 15, 200);
    assertRatio(values.baseline(), 4, 400);
  }

  @Test
  void aCandidateWithoutBaselineDataStillHasAValue() {
    record("alpha", ERROR_RATE, CANDIDATE, minute(3), 1, 50);

    MetricReading.Values values = values(observe("alpha").get("alpha"), ERROR_RATE);

    assertRatio(values.candidate(), 1, 50);
    assertThat(values.baseline()).isNull();
  }

  @Test
  void aPlainMetricComesBackAsItsStatisticWithItsSampleCount() {
    recordValue("alpha", WORK, CANDIDATE, minute(1), 3);
    recordValue("alpha", WORK, CANDIDATE, minute(4), 4);
    recordValue("alpha", WORK, BASELINE, minute(2), 5);

    MetricReading.Values values = values(observe("alpha").get("alpha"), WORK);

    assertThat(values.candidate().value()).isEqualTo(7);
    assertThat(values.candidate().samples()).isEqualTo(2);
    assertThat(values.candidate().isRatio()).isFalse();
    assertThat(values.baseline().value()).isEqualTo(5);
    assertThat(values.baseline().samples()).isEqualTo(1);
  }

  @Test
  void noDataIsMissing() {
    Observations observations = observe("quiet").get("quiet");

    assertThat(observations.get(ERROR_RATE)).isInstanceOf(MetricReading.Missing.class);
    assertThat(observations.get(WORK)).isInstanceOf(MetricReading.Missing.class);
  }

  @Test
  void oneObserveOfSeveralRolloutsGivesEachItsOwnData() {
    record("alpha", ERROR_RATE, CANDIDATE, minute(1), 1, 100);
    record("alpha", ERROR_RATE, BASELINE, minute(1), 2, 100);
    record("beta", ERROR_RATE, CANDIDATE, minute(1), 30, 300);
    record("beta", ERROR_RATE, BASELINE, minute(2), 40, 400);
    recordValue("beta", WORK, CANDIDATE, minute(2), 9);

    Map<String, Observations> observed = observe("alpha", "beta", "gamma");

    assertThat(observed).containsOnlyKeys("alpha", "beta", "gamma");
    assertThat(observed.values()).allSatisfy(o -> assertThat(o.at()).isEqualTo(now()));
    MetricReading.Values alpha = values(observed.get("alpha"), ERROR_RATE);
    assertRatio(alpha.candidate(), 1, 100);
    assertRatio(alpha.baseline(), 2, 100);
    assertThat(observed.get("alpha").get(WORK)).isInstanceOf(MetricReading.Missing.class);
    MetricReading.Values beta = values(observed.get("beta"), ERROR_RATE);
    assertRatio(beta.candidate(), 30, 300);
    assertRatio(beta.baseline(), 40, 400);
    assertThat(values(observed.get("beta"), WORK).candidate().value()).isEqualTo(9);
    assertThat(observed.get("gamma").get(ERROR_RATE)).isInstanceOf(MetricReading.Missing.class);
  }

  @Test
  void anOutageFailsEveryMetricOfEveryRolloutWithoutThrowing() {
    record("alpha", ERROR_RATE, CANDIDATE, minute(1), 1, 100);
    breakIt();

    Map<String, Observations> observed = observe("alpha", "beta");

    assertThat(observed).containsOnlyKeys("alpha", "beta");
    for (Observations observations : observed.values()) {
      assertThat(observations.get(ERROR_RATE)).isInstanceOf(MetricReading.Failed.class);
      assertThat(observations.get(WORK)).isInstanceOf(MetricReading.Failed.class);
    }
  }

  /** A few seconds into whole minute {@code i} (0..9) of the lookback that ends before now. */
  protected final Instant minute(int i) {
    Instant windowStart = now().truncatedTo(ChronoUnit.MINUTES).minus(LOOKBACK);
    return windowStart.plusSeconds(60L * i + 7);
  }

  private Instant now() {
    if (now == null) {
      now = observedAt();
    }
    return now;
  }

  private Map<String, Observations> observe(String... ids) {
    List<Rollout> asked = Stream.of(ids).map(this::rollout).toList();
    return source().observe(asked, now());
  }

  private static MetricReading.Values values(Observations observations, String metric) {
    MetricReading reading = observations.get(metric);
    assertThat(reading).isInstanceOf(MetricReading.Values.class);
    return (MetricReading.Values) reading;
  }

  private static void assertRatio(VariantSample sample, double numerator, double denominator) {
    assertThat(sample.isRatio()).isTrue();
    assertThat(sample.numerator()).isEqualTo(numerator);
    assertThat(sample.denominator()).isEqualTo(denominator);
    assertThat(sample.value()).isEqualTo(numerator / denominator);
    assertThat(sample.samples()).isEqualTo((long) denominator);
  }

  private static String planYaml(String id) {
    String dimensions = "dimensions: { Rollout: " + id + ", Variant: \"${variant}\" }";
    return String.join(
        "\n",
        "rollout: " + id,
        "alarms: [" + id + "-5xx]",
        "target: { type: flag, flag: " + id + " }",
        "metrics:",
        "  " + ERROR_RATE + ":",
        "    ratio: { numerator: Errors, denominator: Requests }",
        "    namespace: Flightplan/Contract",
        "    " + dimensions,
        "    period: 1m",
        "    lookback: 10m",
        "  " + WORK + ":",
        "    namespace: Flightplan/Contract",
        "    metric: WorkDone",
        "    stat: Sum",
        "    " + dimensions,
        "    period: 1m",
        "    lookback: 10m",
        "");
  }
}
