package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every format we own round-trips: any valid plan survives YAML, then JSON, unchanged. */
class PlanRoundTripTest {

  @Property(tries = 300)
  void yaml_then_json_gives_back_the_same_plan(@ForAll("plans") Plan plan) {
    String yaml = PlanWriter.toYaml(plan);
    Plan fromYaml = PlanReader.read(yaml, PlanFormat.YAML);
    Plan fromJson = PlanReader.read(PlanWriter.toJson(fromYaml), PlanFormat.JSON);
    assertThat(fromJson).as(yaml).isEqualTo(plan);
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
}
