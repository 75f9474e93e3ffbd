package dev.flightplan.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The state is mapped once, field by field, and the rollout item carries all of it. */
class RolloutStateSchemaTest {
  private static final String[] FIELDS =
      Arrays.stream(RolloutState.class.getRecordComponents())
          .map(RecordComponent::getName)
          .toArray(String[]::new);

  /** A new state field fails here until it has its attribute (and its encoding is chosen). */
  @Test
  void everyStateFieldHasOneAttributeUnderItsOwnName() {
    assertThat(RolloutStateSchema.SCHEMA.attributeNames()).containsExactly(FIELDS);
  }

  @Test
  void theRolloutItemHoldsTheStateAttributesBesideItsOwn() {
    assertThat(RolloutSchema.SCHEMA.attributeNames())
        .containsAll(Arrays.asList(FIELDS))
        .containsAll(
            java.util.List.of("id", "version", "plan", "boundAlarms", "dueShard", "listShard"))
        .hasSize(FIELDS.length + 6);
  }

  @Test
  void theStateAloneSurvivesARoundTrip() {
    RolloutState state = RolloutItemCodecTest.fullState();

    Map<String, AttributeValue> item = RolloutStateSchema.SCHEMA.itemToMap(state, true);

    assertThat(item).containsOnlyKeys(FIELDS);
    assertThat(RolloutStateSchema.SCHEMA.mapToItem(item)).isEqualTo(state);
  }

  /** The attributes an older version wrote, and nothing else: the rest reads as a draft's. */
  @Test
  void anItemWithOnlyAStatusReadsAsADraftsDefaults() {
    Map<String, AttributeValue> item =
        Map.of(
            "id", AttributeValue.fromS("alpha"),
            "version", AttributeValue.fromN("2"),
            "plan", RolloutSchema.SCHEMA.itemToMap(rollout(), true).get("plan"),
            "status", AttributeValue.fromS("DRAFT"));

    Rollout decoded = RolloutSchema.SCHEMA.mapToItem(item);

    assertThat(decoded.state()).isEqualTo(RolloutState.draft(null));
    assertThat(decoded.version()).isEqualTo(2);
  }

  private static Rollout rollout() {
    return new Rollout(TestPlans.plan("alpha"), RolloutItemCodecTest.fullState(), 7);
  }
}
