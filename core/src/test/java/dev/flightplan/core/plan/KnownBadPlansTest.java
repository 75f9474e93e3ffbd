package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans that must keep failing, each with the path of its error. Every case starts from {@link
 * #BASE}, a valid plan, and replaces some of its top-level sections (an empty value removes one).
 */
class KnownBadPlansTest {
  static final String BASE =
      """
      rollout: demo
      audiences:
        employees: { attribute: email, endsWith: "@example.com" }
      phases:
        - { name: five, percent: 5, bake: 1h }
        - { name: all, percent: 100 }
      metrics:
        errors:
          namespace: App
          ratio: { numerator: Errors, denominator: Requests }
          dimensions: { Variant: "${variant}" }
        latency: { namespace: App, metric: Latency, stat: p95 }
      gates:
        - { metric: errors, op: ">", threshold: 5%, action: rollback }
      window: { days: [MON, TUE], from: "09:00", to: "17:00", zone: Europe/Berlin }
      """;

  private static final YAMLMapper YAML = new YAMLMapper();

  static Stream<Arguments> badPlans() {
    return Stream.of(
        bad(
            "percent decreases",
            "phases: [{percent: 10}, {percent: 5}, {percent: 100}]",
            "phases[1].percent"),
        bad("percent over 100", "phases: [{percent: 5}, {percent: 150}]", "phases[1].percent"),
        bad(
            "percent with 3 decimals",
            "phases: [{percent: 0.125}, {percent: 100}]",
            "phases[0].percent"),
        bad("percent zero", "phases: [{percent: 0}, {percent: 100}]", "phases[0].percent"),
        bad(
            "no way back",
            "gates: [{metric: errors, op: '>', threshold: 1%, action: pause}]",
            "gates"),
        bad(
            "unknown metric in a gate",
            "gates: [{metric: eror, op: '>', threshold: 1, action: rollback}]",
            "gates[0].metric"),
        bad(
            "relative gate without ${variant}",
            "gates: [{metric: errors, op: '>', threshold: 5%, action: rollback}, {metric: latency, op: '>', relative: 2x, action: pause}]",
            "gates[1].relative"),
        bad(
            "percentage points on a plain metric",
            "metrics: {latency: {namespace: App, metric: Latency, dimensions: {V: '${variant}'}}}\ngates: [{metric: latency, op: '>', relative: +1pp, action: rollback}]",
            "gates[0].relative"),
        bad(
            "bad duration",
            "phases: [{percent: 5, bake: 10 minutes}, {percent: 100}]",
            "phases[0].bake"),
        bad("bad time zone", "window: {zone: Europe/Berlni}", "window.zone"),
        bad("bad time", "window: {from: '25:00'}", "window.from"),
        bad("unknown day", "window: {days: [MON, FUNDAY]}", "window.days[1]"),
        bad(
            "unknown field (typo)",
            "phases: [{percent: 5, bkae: 1h}, {percent: 100}]",
            "phases[0].bkae"),
        bad("unknown top-level field", "gate: []", "gate"),
        bad(
            "unknown audience",
            "phases: [{audiences: [employes]}, {percent: 100}]",
            "phases[0].audiences[0]"),
        bad(
            "audience-only after percent",
            "phases: [{percent: 5}, {audiences: [employees]}, {percent: 100}]",
            "phases[1].percent"),
        bad("bad id", "rollout: New_Search", "rollout"),
        bad("missing id", "rollout:", "rollout"),
        bad(
            "duplicate gate name",
            "gates: [{name: g, metric: errors, op: '>', threshold: 1, action: rollback}, {name: g, metric: errors, op: '>', threshold: 2, action: pause}]",
            "gates[1].name"),
        bad(
            "duplicate phase name",
            "phases: [{name: a, percent: 5}, {name: a, percent: 100}]",
            "phases[1].name"),
        bad("last phase below 100%", "phases: [{percent: 5}, {percent: 50}]", "phases[1].percent"),
        bad(
            "both threshold and relative",
            "gates: [{metric: errors, op: '>', threshold: 1, relative: 2x, action: rollback}]",
            "gates[0]"),
        bad(
            "neither threshold nor relative",
            "gates: [{metric: errors, op: '>', action: rollback}]",
            "gates[0]"),
        bad(
            "threshold out of range",
            "gates: [{metric: errors, op: '>', threshold: 1e400, action: rollback}]",
            "gates[0].threshold"),
        bad(
            "unknown operator",
            "gates: [{metric: errors, op: '=>', threshold: 1, action: rollback}]",
            "gates[0].op"),
        bad(
            "confidence out of range",
            "gates: [{metric: errors, op: '>', relative: 2x, action: rollback, confidence: 0.3}]",
            "gates[0].confidence"),
        bad(
            "ratio without numerator",
            "metrics: {errors: {namespace: App, ratio: {denominator: Requests}}}",
            "metrics.errors.ratio.numerator"),
        bad(
            "unknown statistic",
            "metrics: {errors: {namespace: App, metric: Errors, stat: Median}}",
            "metrics.errors.stat"),
        bad(
            "period not whole minutes",
            "metrics: {errors: {namespace: App, metric: Errors, period: 90s}}",
            "metrics.errors.period"),
        bad(
            "lookback below period",
            "metrics: {errors: {namespace: App, metric: Errors, period: 5m, lookback: 2m}}",
            "metrics.errors.lookback"),
        bad(
            "metric and ratio",
            "metrics: {errors: {namespace: App, metric: E, ratio: {numerator: a, denominator: b}}}",
            "metrics.errors"),
        bad(
            "numeratorAbsent on a single metric",
            "metrics: {errors: {namespace: App, metric: Errors, numeratorAbsent: zero}}",
            "metrics.errors.numeratorAbsent"),
        bad(
            "unknown numeratorAbsent",
            "metrics: {errors: {namespace: App, ratio: {numerator: a, denominator: b},"
                + " numeratorAbsent: none}}",
            "metrics.errors.numeratorAbsent"),
        bad(
            "audience with two matches",
            "audiences: {employees: {attribute: email, equals: a, endsWith: b}}",
            "audiences.employees"),
        bad("bad target type", "target: {type: lambda}", "target.type"),
        bad(
            "lambda alias without candidate",
            "target: {type: lambda-alias, function: f, alias: live, stable: '1'}",
            "target.candidate"),
        bad("bad risk", "risk: extreme", "risk"),
        bad("ring preset without audiences", "audiences:\nphases:\nstrategy: ring", "phases"),
        bad("duplicate checklist item", "checklist: [runbook, runbook]", "checklist[1]"),
        bad("bad blackout date", "window: {blackout: [2026-02-30]}", "window.blackout[0]"),
        bad("bad digest", "notify: {digest: weekly}", "notify.digest"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPlans")
  void is_refused_with_the_path_of_the_error(String name, String yaml, String path) {
    List<FieldError> errors = PlanFixtures.errors(yaml);
    assertThat(errors).extracting(FieldError::path).contains(path);
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
  }

  @Test
  void every_error_of_a_plan_is_reported_at_once() {
    String yaml =
        plan(
            "rollout: Bad Id\n"
                + "phases: [{percent: 10, bkae: 1h}, {percent: 5}]\n"
                + "gates: [{metric: nope, op: '>', threshold: 1, action: pause}]\n"
                + "window: {zone: Mars/Olympus}");
    assertThat(PlanFixtures.errors(yaml))
        .extracting(FieldError::path)
        .contains(
            "rollout",
            "phases[0].bkae",
            "phases[1].percent",
            "gates[0].metric",
            "gates",
            "window.zone");
  }

  @Test
  void a_phase_with_a_bad_bake_still_takes_part_in_the_order_check() {
    String yaml =
        plan("phases: [{percent: 5, bake: 1h}, {percent: 2.5, bake: 90 minutes}, {percent: 100}]");
    assertThat(PlanFixtures.errors(yaml))
        .extracting(FieldError::path)
        .contains("phases[1].bake", "phases[1].percent");
  }

  @Test
  void a_typo_gets_the_nearest_allowed_name_as_hint() {
    FieldError error =
        PlanFixtures.errors(plan("phases: [{percent: 5, bkae: 1h}, {percent: 100}]")).get(0);
    assertThat(error.message()).isEqualTo("unknown field");
    assertThat(error.hint()).startsWith("did you mean `bake`?").contains("percent", "approval");
  }

  @Test
  void the_last_phase_error_says_how_to_fix_it() {
    FieldError error = PlanFixtures.errors(plan("phases: [{percent: 5}, {percent: 50}]")).get(0);
    assertThat(error.hint()).contains("percent: 100");
  }

  @Test
  void syntax_errors_name_line_and_column() {
    FieldError yaml =
        PlanFixtures.errors("rollout: demo\nphases: [ {percent: 5}\nalarms: [x]\n").get(0);
    assertThat(yaml.message()).containsPattern("line \\d+, column \\d+");
    FieldError json = PlanFixtures.errors("{\"rollout\": \"demo\",\n \"phases\": }").get(0);
    assertThat(json.message()).startsWith("line 2, column 12");
    FieldError duplicate = PlanFixtures.errors("rollout: a\nrollout: b\n").get(0);
    assertThat(duplicate.message()).contains("Duplicate field 'rollout'");
  }

  @Test
  void a_document_that_is_not_a_mapping_is_refused() {
    assertThat(PlanFixtures.errors("- rollout: demo\n"))
        .extracting(FieldError::path)
        .containsExactly("");
    assertThat(PlanFixtures.errors(""))
        .extracting(FieldError::message)
        .containsExactly("the plan is empty");
  }

  @Test
  void the_base_plan_is_valid() {
    assertThat(PlanReader.read(BASE).phases()).hasSize(2);
  }

  private static Arguments bad(String name, String overrides, String path) {
    return Arguments.of(name, plan(overrides), path);
  }

  /** {@link #BASE} with the top-level sections of {@code overrides} replaced. */
  static String plan(String overrides) {
    try {
      ObjectNode base = (ObjectNode) YAML.readTree(BASE);
      JsonNode changes = YAML.readTree(overrides);
      for (Map.Entry<String, JsonNode> change : changes.properties()) {
        if (change.getValue().isNull()) {
          base.remove(change.getKey());
        } else {
          base.set(change.getKey(), change.getValue());
        }
      }
      return YAML.writeValueAsString(base);
    } catch (Exception e) {
      throw new IllegalArgumentException(overrides, e);
    }
  }
}
