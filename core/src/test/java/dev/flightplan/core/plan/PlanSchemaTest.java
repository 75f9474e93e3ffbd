package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schema accepts every good example plan and refuses structurally bad ones. */
class PlanSchemaTest {
  static final String SCHEMA = "/dev/flightplan/core/plan/plan.schema.json";
  static final List<String> GOOD =
      List.of("design-example.yaml", "lambda-blue-green.yaml", "preset-only.yaml", "canary.json");
  static final List<String> BAD =
      List.of(
          "unknown-field.yaml",
          "percent-over-100.yaml",
          "threshold-and-relative.yaml",
          "bad-duration.yaml",
          "bad-enum.yaml",
          "missing-id.json",
          "wrong-types.yaml");

  static final Schema PLAN_SCHEMA = load();

  static Schema load() {
    try (InputStream in = PlanSchemaTest.class.getResourceAsStream(SCHEMA)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Error> validate(String text, PlanFormat format) {
    return PLAN_SCHEMA.validate(
        text, format == PlanFormat.JSON ? InputFormat.JSON : InputFormat.YAML);
  }

  static Stream<String> good() {
    return GOOD.stream();
  }

  static Stream<String> bad() {
    return BAD.stream();
  }

  @ParameterizedTest
  @MethodSource("good")
  void good_plans_validate_and_read(String file) {
    String text = PlanFixtures.resource("plans/good/" + file);
    assertThat(validate(text, PlanFormat.sniff(text))).isEmpty();
    assertThat(PlanReader.read(text)).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("good")
  void what_the_writer_writes_validates_and_reads_back_equal(String file) {
    Plan plan = PlanReader.read(PlanFixtures.resource("plans/good/" + file));
    for (PlanFormat format : PlanFormat.values()) {
      String written = PlanWriter.write(plan, format);
      assertThat(validate(written, format)).as(written).isEmpty();
      assertThat(PlanReader.read(written, format)).isEqualTo(plan);
    }
  }

  /** Overrides of {@link KnownBadPlansTest#BASE}, each one value beyond a bound. */
  static Stream<String> beyondBounds() {
    return Stream.of(
        "description: " + "d".repeat(1_025),
        "description: \"red \\e[31m\"",
        "description: \"a\\u202Eb\"",
        "rollout: " + "r".repeat(64),
        "phases: [" + "{percent: 100}, ".repeat(50) + "{percent: 100}]",
        "alarms: [" + "a".repeat(256) + "]",
        "alarms: [" + "x, ".repeat(20) + "y]",
        "checklist: [" + "c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, ".repeat(2) + "c21]",
        "audiences: {a: {attribute: email, in: [" + "v, ".repeat(100) + "w]}}",
        "metrics: {m: {namespace: " + "n".repeat(256) + ", metric: M}}",
        "gates: [{metric: errors, op: '>', threshold: 1234567890123456, action: rollback}]",
        "gates: [{metric: errors, op: '>', threshold: '0.1234567%', action: rollback}]",
        "gates: [{metric: errors, op: '>', threshold: 5%, action: rollback, minSamples: 2000000000}]",
        "window: {blackout: [" + "2026-01-01, ".repeat(100) + "2026-01-02]}");
  }

  @ParameterizedTest
  @MethodSource("beyondBounds")
  void the_schema_states_the_bounds_the_reader_enforces(String overrides) {
    String text = KnownBadPlansTest.plan(overrides);
    assertThat(validate(text, PlanFormat.YAML)).isNotEmpty();
    PlanFixtures.assertRefused(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ratio: {numerator: E, denominator: R}, numeratorAbsent: zero | true",
        "ratio: {numerator: E, denominator: R}, numeratorAbsent: missing | true",
        "ratio: {numerator: E, denominator: R}, numeratorAbsent: none | false",
        "metric: M, numeratorAbsent: zero | false"
      })
  void the_schema_takes_numerator_absent_where_the_reader_does(String fields, boolean valid) {
    String text =
        KnownBadPlansTest.plan(
            "metrics: {errors: {namespace: App, "
                + fields
                + "}, latency: {namespace: App,"
                + " metric: Latency}}");
    assertThat(validate(text, PlanFormat.YAML).isEmpty()).as(fields).isEqualTo(valid);
    if (valid) {
      assertThat(PlanReader.read(text)).isNotNull();
    } else {
      PlanFixtures.assertRefused(text);
    }
  }

  @ParameterizedTest
  @MethodSource("bad")
  void structurally_bad_plans_are_refused_by_schema_and_reader(String file) {
    String text = PlanFixtures.resource("plans/bad/" + file);
    assertThat(validate(text, PlanFormat.sniff(text))).isNotEmpty();
    PlanFixtures.assertRefused(text);
  }
}
