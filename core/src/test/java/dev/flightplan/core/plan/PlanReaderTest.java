package dev.flightplan.core.plan;

import static dev.flightplan.core.plan.PlanFixtures.MINIMAL;
import static dev.flightplan.core.plan.PlanFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Threshold.Relative;
import dev.flightplan.core.plan.Threshold.Relative.Kind;
import dev.flightplan.evaluation.Audience;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each field form of the plan schema, read on its own. */
class PlanReaderTest {
  private static final String METRICS =
      """
      metrics:
        errors: {namespace: App, ratio: {numerator: Errors, denominator: Requests}, dimensions: {Variant: "${variant}"}}
        latency: {namespace: App, metric: Latency, dimensions: {Variant: "${variant}"}}
      """;

  @Test
  void defaults_of_a_minimal_plan() {
    Plan plan = read(MINIMAL);
    assertThat(plan.risk()).isEqualTo(Risk.MEDIUM);
    assertThat(plan.target()).isEqualTo(new Target.Flag("demo"));
    assertThat(plan.window()).isEqualTo(Window.ALWAYS);
    assertThat(plan.notifications()).isEqualTo(Notify.DEFAULT);
    assertThat(plan.description()).isNull();
    assertThat(plan.gates()).isEmpty();
  }

  @Test
  void the_format_is_sniffed_or_given() {
    String json = "{\"rollout\": \"demo\", \"alarms\": [\"x\"], \"$schema\": \"plan.schema.json\"}";
    assertThat(PlanFormat.sniff(json)).isEqualTo(PlanFormat.JSON);
    assertThat(PlanFormat.sniff("\uFEFF  rollout: x")).isEqualTo(PlanFormat.YAML);
    assertThat(PlanReader.read(json, PlanFormat.JSON))
        .isEqualTo(read(MINIMAL.replace("demo-5xx", "x")));
    assertThat(PlanFormat.ofMediaType("application/yaml; charset=utf-8")).contains(PlanFormat.YAML);
    assertThat(PlanFormat.ofMediaType("application/problem+json")).contains(PlanFormat.JSON);
    assertThat(PlanFormat.ofMediaType("text/plain")).isEmpty();
  }

  @Test
  void targets() {
    assertThat(read(MINIMAL + "target: {type: flag, flag: other}").target())
        .isEqualTo(new Target.Flag("other"));
    assertThat(read(MINIMAL + "target: {type: flag}").target()).isEqualTo(new Target.Flag("demo"));
    assertThat(
            read(MINIMAL
                    + "target: {type: lambda-alias, function: f, alias: live, stable: 41, candidate: 42}")
                .target())
        .isEqualTo(new Target.LambdaAlias("f", "live", "41", "42"));
  }

  @Test
  void audiences_in_every_match() {
    Plan plan =
        read(
            MINIMAL
                + """
                audiences:
                  a: {attribute: email, endsWith: "@example.com"}
                  b: {attribute: beta, equals: true}
                  c: {attribute: country, in: [DE, FR]}
                  d: {attribute: id, startsWith: "test-"}
                """);
    assertThat(plan.audiences().keySet()).containsExactly("a", "b", "c", "d");
    assertThat(plan.audiences().get("b"))
        .isEqualTo(new Audience("beta", Audience.Match.EQUALS, List.of("true")));
    assertThat(plan.audiences().get("c"))
        .isEqualTo(new Audience("country", Audience.Match.IN, List.of("DE", "FR")));
    assertThat(plan.audiences().get("d").match()).isEqualTo(Audience.Match.STARTS_WITH);
  }

  @Test
  void phases_with_defaults_decimals_and_audiences() {
    Plan plan =
        read(
            MINIMAL
                + "audiences: {staff: {attribute: a, equals: b}}\n"
                + "phases: [{audiences: [staff]}, {percent: 0.25, bake: 90s}, {percent: 12.5, approval: true}, {percent: 100}]");
    assertThat(plan.phases())
        .extracting(Phase::name)
        .containsExactly("phase-1", "phase-2", "phase-3", "phase-4");
    assertThat(plan.phases()).extracting(Phase::basisPoints).containsExactly(0, 25, 1250, 10_000);
    assertThat(plan.phases().get(0).bake()).isEqualTo(Duration.ZERO);
    assertThat(plan.phases().get(1).bake()).isEqualTo(Duration.ofSeconds(90));
    assertThat(plan.phases().get(2).approval()).isTrue();
    assertThat(plan.exposureAt(3).audiences()).containsExactly("staff");
    assertThat(plan.strategy()).isEqualTo(Strategy.RING);
  }

  @Test
  void metrics_single_and_ratio_with_defaults() {
    Plan plan = read(MINIMAL + METRICS);
    MetricSpec latency = plan.metrics().get("latency");
    assertThat(latency.stat()).isEqualTo("Average");
    assertThat(latency.unit()).isEqualTo(MetricSpec.Unit.NONE);
    assertThat(latency.period()).isEqualTo(MetricSpec.DEFAULT_PERIOD);
    assertThat(latency.lookback()).isEqualTo(MetricSpec.DEFAULT_LOOKBACK);
    MetricSpec errors = plan.metrics().get("errors");
    assertThat(errors.ratio()).isEqualTo(new MetricSpec.Ratio("Errors", "Requests"));
    assertThat(errors.stat()).isEqualTo("Sum");
    assertThat(errors.unit()).isEqualTo(MetricSpec.Unit.RATIO);
    assertThat(errors.hasVariants()).isTrue();
  }

  @Test
  void a_ratio_treats_an_absent_numerator_as_missing_unless_it_says_zero() {
    String zero =
        MINIMAL
            + "metrics: {e: {namespace: N, ratio: {numerator: E, denominator: R},"
            + " numeratorAbsent: zero}}";
    String missing = zero.replace("zero", "missing");

    assertThat(read(zero).metrics().get("e").ratio())
        .isEqualTo(new MetricSpec.Ratio("E", "R", NumeratorAbsent.ZERO));
    assertThat(read(missing).metrics().get("e").ratio().numeratorAbsent())
        .isEqualTo(NumeratorAbsent.MISSING);
    assertThat(read(MINIMAL + METRICS).metrics().get("errors").ratio().numeratorAbsent())
        .isEqualTo(NumeratorAbsent.MISSING);
  }

  @Test
  void numerator_absent_takes_only_missing_or_zero() {
    List<FieldError> errors =
        PlanFixtures.errors(
            MINIMAL
                + "metrics: {e: {namespace: N, ratio: {numerator: E, denominator: R},"
                + " numeratorAbsent: zeroes}}");

    assertThat(errors)
        .extracting(FieldError::toString)
        .containsExactly(
            "metrics.e.numeratorAbsent: must be one of missing | zero (did you mean `zero`?)");
  }

  @Test
  void numerator_absent_on_a_single_metric_names_the_field_and_the_fix() {
    List<FieldError> errors =
        PlanFixtures.errors(
            MINIMAL + "metrics: {m: {namespace: N, metric: M, numeratorAbsent: zero}}");

    assertThat(errors)
        .extracting(FieldError::toString)
        .containsExactly(
            "metrics.m.numeratorAbsent: applies only to a ratio metric (remove numeratorAbsent,"
                + " or give ratio: {numerator, denominator})");
  }

  @Test
  void metric_period_lookback_and_unit() {
    MetricSpec spec =
        read(MINIMAL
                + "metrics: {m: {namespace: N, metric: M, stat: Sum, unit: ms, period: 5m, lookback: PT30M}}")
            .metrics()
            .get("m");
    assertThat(spec.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(spec.lookback()).isEqualTo(Duration.ofMinutes(30));
    assertThat(spec.unit()).isEqualTo(MetricSpec.Unit.MILLISECONDS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SampleCount",
        "Average",
        "Sum",
        "Minimum",
        "Maximum",
        "p50",
        "p99.9",
        "p100",
        "tm90",
        "wm99",
        "tc95",
        "ts90",
        "TM(10%:90%)",
        "tm(:0.5)",
        "PR(100:2000)",
        "IQM"
      })
  void cloudwatch_statistics_are_accepted(String stat) {
    assertThat(StatisticNames.isValid(stat)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Median", "p101", "p", "tm", "TM(:)", "avg", "p99.9.9"})
  void other_statistics_are_not(String stat) {
    assertThat(StatisticNames.isValid(stat)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "threshold: 5%     | 0.05",
        "threshold: 0.5%   | 0.005",
        "threshold: 0.85   | 0.85",
        "threshold: 250    | 250",
        "threshold: '-3'   | -3"
      })
  void absolute_thresholds(String field, double expected) {
    // latency is no share, so its thresholds may lie outside 0..100%.
    assertThat(gate("latency", field).threshold()).isEqualTo(new Threshold.Absolute(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "errors  | relative: 2x      | TIMES       | 2",
        "errors  | relative: 1.5X    | TIMES       | 1.5",
        "errors  | relative: +0.5pp  | PLUS_POINTS | 0.005",
        "errors  | relative: -0.5pp  | PLUS_POINTS | -0.005",
        "latency | relative: +20     | PLUS        | 20",
        "latency | relative: '-20'   | PLUS        | -20",
        "latency | relative: '+2.5'  | PLUS        | 2.5"
      })
  void relative_thresholds(String metric, String field, Kind kind, double amount) {
    assertThat(gate(metric, field).threshold()).isEqualTo(new Relative(kind, amount));
  }

  @Test
  void gate_defaults_and_every_option() {
    Gate plain = gate("threshold: 1");
    assertThat(plain.sustain()).isEqualTo(Duration.ZERO);
    assertThat(plain.minSamples()).isEqualTo(Gate.DEFAULT_MIN_SAMPLES);
    assertThat(plain.missingData()).isEqualTo(MissingData.HOLD);
    assertThat(plain.errorLimit()).isEqualTo(Gate.DEFAULT_ERROR_LIMIT);
    assertThat(plain.confidence()).isEqualTo(Gate.DEFAULT_CONFIDENCE);
    Gate full =
        gate(
            "threshold: 1, for: 10m, minSamples: 500, missingData: breach, errorLimit: 2, confidence: 0.99");
    assertThat(full.sustain()).isEqualTo(Duration.ofMinutes(10));
    assertThat(full.minSamples()).isEqualTo(500);
    assertThat(full.missingData()).isEqualTo(MissingData.BREACH);
    assertThat(full.errorLimit()).isEqualTo(2);
    assertThat(full.confidence()).isEqualTo(0.99);
  }

  @Test
  void gate_names_are_derived_with_suffixes_around_explicit_ones() {
    Plan plan =
        read(
            MINIMAL
                + METRICS
                + """
                gates:
                  - {metric: errors, op: ">", threshold: 1%, action: pause}
                  - {metric: errors, op: ">", threshold: 2%, action: pause}
                  - {name: errors-pause-3, metric: errors, op: ">", threshold: 3%, action: pause}
                  - {metric: errors, op: ">", threshold: 4%, action: pause}
                  - {metric: latency, op: ">", threshold: 4, action: rollback}
                """);
    assertThat(plan.gates())
        .extracting(Gate::name)
        .containsExactly(
            "errors-pause",
            "errors-pause-2",
            "errors-pause-3",
            "errors-pause-4",
            "latency-rollback");
  }

  @Test
  void alarms_by_name_arn_or_with_insufficient_data() {
    Plan plan =
        read(
            "rollout: demo\nalarms: [a, 'arn:aws:cloudwatch:eu-west-1:1:alarm:b', {name: c, insufficientData: rollback}]");
    assertThat(plan.alarms())
        .containsExactly(
            new AlarmBinding("a", false),
            new AlarmBinding("arn:aws:cloudwatch:eu-west-1:1:alarm:b", false),
            new AlarmBinding("c", true));
    assertThat(plan.bindsAlarm("b")).isTrue();
  }

  @Test
  void a_rollback_gate_is_a_way_back_without_alarms() {
    Plan plan =
        read(
            "rollout: demo\n"
                + METRICS
                + "gates: [{metric: errors, op: '>', threshold: 5%, action: rollback}]");
    assertThat(plan.alarms()).isEmpty();
  }

  @Test
  void windows_with_defaults_wrapping_and_blackouts() {
    Window window =
        read(MINIMAL
                + "window: {days: [mon, Friday], from: '22:00', to: '06:00', blackout: [2026-12-24]}")
            .window();
    assertThat(window.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    assertThat(window.from()).isEqualTo(LocalTime.of(22, 0));
    assertThat(window.to()).isEqualTo(LocalTime.of(6, 0));
    assertThat(window.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(window.blackout()).containsExactly(LocalDate.of(2026, 12, 24));
    assertThat(read(MINIMAL + "window: {}").window()).isEqualTo(Window.ALWAYS);
    assertThat(read(MINIMAL + "window: {zone: UTC}").window()).isEqualTo(Window.ALWAYS);
  }

  @Test
  void notify_and_checklist() {
    Plan plan =
        read(
            MINIMAL
                + "notify: {topic: team-search, digest: hourly}\nchecklist: [on-call, runbook]");
    assertThat(plan.notifications()).isEqualTo(new Notify("team-search", Notify.Digest.HOURLY));
    assertThat(plan.checklist()).containsExactly("on-call", "runbook");
    assertThat(read(MINIMAL + "notify: {digest: daily}").notifications().topic())
        .isEqualTo("default");
  }

  private static Gate gate(String fields) {
    return gate("errors", fields);
  }

  private static Gate gate(String metric, String fields) {
    return read(MINIMAL
            + METRICS
            + "gates: [{metric: "
            + metric
            + ", op: '>', action: pause, "
            + fields
            + "}]")
        .gates()
        .get(0);
  }
}
