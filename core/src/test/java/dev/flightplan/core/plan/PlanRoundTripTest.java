package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every format we own round-trips: whatever the reader accepts — plans up to every bound of {@link
 * PlanLimits} — reads back unchanged from YAML, from JSON and from the stored form; one value
 * beyond its bound is refused at its path.
 */
class PlanRoundTripTest {

  @Property(tries = 300)
  void yaml_then_json_gives_back_the_same_plan(@ForAll("plans") Plan plan) {
    if (tooBigToStore(plan)) {
      return;
    }
    String yaml = PlanWriter.toYaml(plan);
    Plan fromYaml = PlanReader.read(yaml, PlanFormat.YAML);
    Plan fromJson = PlanReader.read(PlanWriter.toJson(fromYaml), PlanFormat.JSON);
    assertThat(fromJson).as(yaml).isEqualTo(plan);
  }

  @Property(tries = 300)
  void an_accepted_plan_reads_back_equal_from_every_form(@ForAll("plans") Plan plan) {
    String yaml = PlanWriter.toYaml(plan);
    if (tooBigToStore(plan)) {
      // Each part is within its bounds, but all of them together do not fit in one item.
      assertThat(PlanFixtures.errors(yaml))
          .anySatisfy(e -> assertThat(e.message()).contains("bytes when stored"));
      return;
    }
    Plan accepted = PlanReader.read(yaml, PlanFormat.YAML);
    String stored = PlanWriter.toTree(accepted).toString();
    assertThat(PlanReader.read(PlanReader.tree(stored, PlanFormat.JSON))).isEqualTo(accepted);
    assertThat(PlanReader.read(PlanWriter.toJson(accepted), PlanFormat.JSON)).isEqualTo(accepted);
    assertThat(PlanReader.read(PlanWriter.toYaml(accepted), PlanFormat.YAML)).isEqualTo(accepted);
    assertThat(accepted).as(yaml).isEqualTo(plan);
  }

  @Property(tries = 200)
  void a_value_beyond_its_bound_is_refused_at_its_path(
      @ForAll("plans") Plan plan, @ForAll("beyondBounds") BeyondBounds beyond) {
    BeyondBounds.Changed changed = beyond.change().apply(plan);
    for (PlanFormat format : PlanFormat.values()) {
      String text = PlanWriter.write(changed.plan(), format);
      assertThat(PlanFixtures.errors(text))
          .as(text)
          .extracting(FieldError::path)
          .contains(changed.path());
    }
  }

  @Property(tries = 100)
  void what_the_writer_writes_fits_the_schema(@ForAll("plans") Plan plan) {
    String json = PlanWriter.toJson(plan);
    assertThat(PlanSchemaTest.validate(json, PlanFormat.JSON)).as(json).isEmpty();
  }

  @Provide
  Arbitrary<Plan> plans() {
    return PlanArbitraries.plans();
  }

  @Provide
  Arbitrary<BeyondBounds> beyondBounds() {
    return Arbitraries.of(BeyondBounds.all());
  }

  static boolean tooBigToStore(Plan plan) {
    return PlanWriter.storedSize(plan) > PlanLimits.STORED_BYTES;
  }
}
