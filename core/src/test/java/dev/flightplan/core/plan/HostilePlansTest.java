package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input made to hurt: numbers that expand to gigabytes, values the format cannot write back,
 * lengths and counts past what one stored item holds, control characters for terminals and logs,
 * and YAML's loose corners. Each is refused fast, at its path, with a short message.
 */
class HostilePlansTest {
  /** A valid plan, YAML, with every section a hostile case needs; cases append or replace. */
  private static final String BASE =
      """
      rollout: demo
      audiences:
        staff: {attribute: email, endsWith: "@example.com"}
      phases:
        - {name: five, percent: 5, bake: 1h}
        - {name: all, percent: 100}
      metrics:
        errors: {namespace: App, ratio: {numerator: Errors, denominator: Requests}, dimensions: {Variant: "${variant}"}}
        latency: {namespace: App, metric: Latency}
      gates:
        - {metric: errors, op: ">", threshold: 5%, action: rollback}
      """;

  static Stream<Arguments> hostile() {
    return Stream.of(
        // Numbers that would expand to gigabytes of digits.
        json("{\"rollout\":1e999999999}", "rollout", "out of range"),
        json("{\"rollout\":1e100000000}", "rollout", "out of range"),
        yaml(gate("threshold: 1e999999999"), "gates[0].threshold", "out of range"),
        yaml(gate("threshold: '1e999999999'"), "gates[0].threshold", "out of range"),
        yaml(gate("relative: 1" + "0".repeat(999) + "x"), "gates[0].relative", "out of range"),
        yaml(phase("percent: 1e999999999"), "phases[0].percent", "out of range"),
        yaml(phase("percent: 1e-999999999"), "phases[0].percent", "out of range"),
        yaml(gate("threshold: 1%, minSamples: 1e999999999"), "gates[0].minSamples", "whole"),
        yaml(gate("relative: 2x, confidence: 1e-999999999"), "gates[0].confidence", "range"),
        yaml("rollout: " + "9".repeat(101), "rollout", "a number of 101 characters"),
        json("{\"rollout\":" + "9".repeat(1_000) + "}", "", "Number value length"),
        // An id is text, whatever a value of another type would read as.
        json("{\"rollout\":false}", "rollout", "must be text, not boolean"),
        yaml("rollout: 42", "rollout", "must be text, not number"),
        // Values the stored form could not read back, and bounds of what makes sense.
        yaml(phase("bake: PT2562047788015215H"), "phases[0].bake", "at most 90d"),
        yaml(phase("bake: 91d"), "phases[0].bake", "at most 90d"),
        yaml(gate("threshold: 1%, for: 8d"), "gates[0].for", "at most 7d"),
        yaml(metric("period: 2d"), "metrics.latency.period", "at most 1d"),
        yaml(metric("lookback: 456d"), "metrics.latency.lookback", "at most 455d"),
        yaml(gate("threshold: 1.1234567%"), "gates[0].threshold", "more than 6 decimals"),
        yaml(latency("threshold: 123456789.1234567"), "gates[1].threshold", "significant digits"),
        yaml(latency("threshold: 1e15"), "gates[1].threshold", "below 10^15"),
        // Ranges and choices.
        yaml(gate("threshold: -5%"), "gates[0].threshold", "outside 0%..100%"),
        yaml(gate("threshold: 150%"), "gates[0].threshold", "outside 0%..100%"),
        yaml(gate("relative: 0x"), "gates[0].relative", "more than 0"),
        yaml(gate("relative: +150pp"), "gates[0].relative", "±100 percentage points"),
        yaml(gate("relative: +2"), "gates[0].relative", "±100 percentage points"),
        yaml(gate("relative: 2x, confidence: 1"), "gates[0].confidence", "0.5..0.9999"),
        yaml(gate("relative: 2x, confidence: 0.95001"), "gates[0].confidence", "4 decimals"),
        yaml(gate("threshold: 1%, minSamples: -1"), "gates[0].minSamples", "0..1000000000"),
        yaml(gate("threshold: 1%, errorLimit: 0"), "gates[0].errorLimit", "1..10000"),
        yaml(BASE.replace("op: \">\"", "op: \"=\""), "gates[0].op", "> | >= | < | <="),
        yaml(BASE + "notify: {digest: weekly}", "notify.digest", "none | hourly | daily"),
        // Lengths and counts a stored item cannot hold.
        json(manyPhases(15_000), "phases", "has 15000 items; at most 50"),
        yaml(BASE + "alarms: [" + names("alarm-", 150) + "]", "alarms", "at most 20"),
        yaml(BASE + "alarms: [" + "a".repeat(3_000) + "]", "alarms[0]", "at most 255"),
        yaml(BASE + "alarms: [" + arn(1_601) + "]", "alarms[0]", "at most 1600"),
        yaml(BASE + "description: " + "d".repeat(150 * 1024), "description", "at most 1024"),
        yaml(BASE + "checklist: [" + names("item-", 21) + "]", "checklist", "at most 20"),
        yaml(BASE.replace("demo", "Bad" + "x".repeat(500)), "rollout", "`Badxxxxxxx"),
        // Control characters that would forge lines or recolour a terminal.
        json(body("\"description\": \"red \\u001b[31m alert\""), "description", "U+001B"),
        json(body("\"description\": \"ok\\r\\nnotify: forged\""), "description", "U+000D"),
        json(body("\"description\": \"abc\\u202Edef\""), "description", "U+202E"),
        json(body("\"description\": \"abc\\u2066def\""), "description", "U+2066"),
        json(body("\"description\": \"a\\u0085b\""), "description", "U+0085"),
        json(body("\"description\": \"a\\u007Fb\""), "description", "U+007F"),
        json(body("\"description\": \"a\\ud800b\""), "description", "lone surrogate"),
        json("{\"rollout\": \"demo\", \"alarms\": [\"x\\u0007\"]}", "alarms[0]", "U+0007"),
        yaml(BASE + "description: a\u0085b", "", "line 12, column 15: the character U+0085"),
        yaml(BASE + "description: 'a\u2028b'", "description", "U+2028"),
        yaml(BASE + "# a \u202E comment\n", "", "U+202E"),
        yaml(BASE + "description: a\u007Fb", "", "U+007F"),
        yaml(
            BASE.replace("Latency}", "Latency, dimensions: {\"a\\e\": b}}"),
            "metrics.latency.dimensions[\"a\\u001B\"]",
            "the dimension name contains the control character U+001B"),
        yaml(
            BASE.replace("endsWith: \"@example.com\"", "equals: \"\\e[2J\""),
            "audiences.staff.equals",
            "U+001B"),
        // YAML: one document, no tags, anchors or aliases, core scalars, unique keys.
        yaml(BASE + "---\nrollout: other\n", "", "a plan is one YAML document"),
        yaml(BASE + "...\nrollout: other\n", "", "line"),
        yaml("{\"rollout\": \"demo\", \"alarms\": [\"x\"]} trailing", "", "line 1"),
        json("{\"rollout\": \"demo\", \"alarms\": [\"x\"]} trailing", "", "line 1"),
        json(
            "{\"rollout\": \"demo\", \""
                + "k".repeat(900)
                + "\": 1, \""
                + "k".repeat(900)
                + "\": 2}",
            "",
            "Duplicate field '" + "k".repeat(PlanText.EXCERPT) + "…'"),
        yaml(BASE + "description: !!java/object:java.net.URL [http://x]", "description", "tags"),
        yaml(BASE + "description: !!binary aGVsbG8=", "description", "tags are not allowed"),
        yaml(BASE + "description: !!str 5", "description", "tags are not allowed"),
        yaml(BASE + "description: !custom x", "description", "tags are not allowed"),
        yaml(phase("percent: 0x64"), "phases[0].percent", "must be a number"),
        yaml(phase("percent: 1_00"), "phases[0].percent", "must be a number"),
        yaml(phase("percent: 0o144"), "phases[0].percent", "must be a number"),
        yaml(phase("percent: 010"), "phases[0].percent", "must be a number"),
        yaml(phase("percent: .inf"), "phases[0].percent", "must be a number"),
        yaml(phase("approval: yes"), "phases[0].approval", "true or false"),
        yaml(phase("approval: on"), "phases[0].approval", "true or false"),
        yaml(billionLaughs(), "laughs.a0", "anchors are not allowed"),
        yaml(BASE + "description: *x", "description", "aliases are not allowed"),
        yaml(phase("percent: 5, percent: 6"), "phases[0].percent", "Duplicate field 'percent'"),
        yaml(
            BASE + "checklist: " + "[".repeat(100) + "]".repeat(100),
            "checklist" + "[0]".repeat(19),
            "deeper than 20"),
        yaml(BASE + "? [a, b]\n: c\n", "", "a key must be"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void is_refused_at_its_path_with_a_short_message(
      String name, String text, PlanFormat format, String path, String message) {
    List<FieldError> errors = errors(text, format);
    assertThat(errors)
        .as(name)
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo(path);
              assertThat(e.message()).contains(message);
            });
    // No message echoes more than a short excerpt of the input.
    assertThat(errors).allSatisfy(e -> assertThat(e.toString()).hasSizeLessThan(400));
  }

  @Test
  void scalars_of_yaml_1_1_stay_text_where_text_is_expected() {
    Plan plan =
        PlanFixtures.read(
            BASE.replace("rollout: demo", "rollout: 0x64")
                + "description: yes\n"
                + "target: {type: lambda-alias, function: 1_000, alias: on, stable: 010, candidate: 0o12}\n");
    assertThat(plan.id()).isEqualTo("0x64");
    assertThat(plan.description()).isEqualTo("yes");
    assertThat(plan.target()).isEqualTo(new Target.LambdaAlias("1_000", "on", "010", "0o12"));
  }

  @Test
  void a_plan_too_big_to_store_is_refused_though_each_part_is_within_bounds() {
    Plan plan = BeyondBounds.tooBigToStore(PlanFixtures.read(BASE));
    String yaml = PlanWriter.toYaml(plan);
    assertThat(yaml.length()).isLessThan(PlanLimits.TEXT_CHARS);
    assertThat(errors(yaml, PlanFormat.YAML))
        .anySatisfy(e -> assertThat(e.message()).contains("bytes when stored; at most 163840"));
  }

  @Test
  void a_text_over_the_body_limit_is_refused_before_it_is_parsed() {
    String text = BASE + "#" + "x".repeat(PlanLimits.TEXT_CHARS);
    assertThat(errors(text, PlanFormat.YAML))
        .extracting(FieldError::message)
        .containsExactly("the plan is " + text.length() + " characters long; at most 262144");
  }

  @Test
  void a_flood_of_errors_is_cut_short() {
    StringBuilder text = new StringBuilder(BASE);
    for (int i = 0; i < 300; i++) {
      text.append("unknown").append(i).append(": 1\n");
    }
    List<FieldError> errors = errors(text.toString(), PlanFormat.YAML);
    assertThat(errors).hasSize(FieldErrors.MAX + 1);
    assertThat(errors.get(FieldErrors.MAX).message()).isEqualTo("and 200 more problems");
  }

  @Test
  void a_long_key_is_quoted_short_in_the_path() {
    String key = "k".repeat(500) + "\\u001b";
    List<FieldError> errors =
        errors("{\"rollout\": \"demo\", \"" + key + "\": 1}", PlanFormat.JSON);
    assertThat(errors)
        .extracting(FieldError::path)
        .contains("[\"" + "k".repeat(PlanText.EXCERPT) + "…\"]");
  }

  private static List<FieldError> errors(String text, PlanFormat format) {
    try {
      PlanReader.read(text, format);
    } catch (PlanException e) {
      return e.errors();
    }
    throw new AssertionError("expected the plan to be refused:\n" + text);
  }

  private static Arguments yaml(String text, String path, String message) {
    return Arguments.of(excerpt(text), text, PlanFormat.YAML, path, message);
  }

  private static Arguments json(String text, String path, String message) {
    return Arguments.of(excerpt(text), text, PlanFormat.JSON, path, message);
  }

  private static String excerpt(String text) {
    String tail = text.startsWith(BASE) ? text.substring(BASE.length()) : text;
    return PlanText.excerpt(tail.replace('\n', ' '), 60);
  }

  private static String phase(String fields) {
    return BASE.replace("{name: five, percent: 5, bake: 1h}", "{name: five, " + fields + "}")
        .replace("{name: five, percent: 5, bake: 1h, ", "{name: five, ");
  }

  private static String gate(String fields) {
    return BASE.replace("threshold: 5%, action: rollback", fields + ", action: rollback");
  }

  private static String latency(String fields) {
    return BASE + "  - {metric: latency, op: \">\", " + fields + ", action: pause}\n";
  }

  private static String metric(String fields) {
    return BASE.replace("metric: Latency}", "metric: Latency, " + fields + "}");
  }

  private static String body(String field) {
    return "{\"rollout\": \"demo\", \"alarms\": [\"x\"], " + field + "}";
  }

  private static String names(String prefix, int count) {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < count; i++) {
      names.append(i == 0 ? "" : ", ").append(prefix).append(i);
    }
    return names.toString();
  }

  private static String arn(int length) {
    String prefix = "'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:";
    return prefix + "a".repeat(length - prefix.length() + 1) + "'";
  }

  private static String manyPhases(int count) {
    StringBuilder body = new StringBuilder("{\"rollout\":\"big\",\"alarms\":[\"x\"],\"phases\":[");
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",").append("{\"percent\":100}");
    }
    return body.append("]}").toString();
  }

  /** Nine levels of anchors, each ten aliases of the last: a billion strings if expanded. */
  private static String billionLaughs() {
    StringBuilder yaml = new StringBuilder(BASE).append("laughs:\n  a0: &a0 lol\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    return yaml.toString();
  }
}
