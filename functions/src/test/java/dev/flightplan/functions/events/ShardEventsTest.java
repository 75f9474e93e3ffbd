package dev.flightplan.functions.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's SQS event, from {@code events/worker}, as the runtime and our parser read it. */
class ShardEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theFixtureIsAnSqsEventCarryingAShardMessage() {
    SQSEvent event = EventLoader.loadSQSEvent("events/worker/sqs-shard-message.json");

    assertThat(event.getRecords()).hasSize(1);
    assertThat(event.getRecords().get(0).getEventSource()).isEqualTo("aws:sqs");
    assertThat(event.getRecords().get(0).getBody()).contains("\"shard\":3");
  }

  @Test
  void readsEachMessagesIdAndBody() {
    JsonNode event =
        JSON.valueToTree(EventLoader.loadEvent("events/worker/sqs-shard-message.json", Map.class));

    assertThat(ShardEvents.messages(event))
        .containsExactly(
            new ShardEvents.Message(
                "5f1c2a8e-3b7d-4e21-9f0a-8c6d4b2e1a73",
                "{\"minute\":\"2026-11-24T09:01:00Z\",\"shard\":3}"));
  }

  @Test
  void thePrimingSampleReadsToo() throws Exception {
    assertThat(ShardEvents.messages(JSON.readTree(ShardEvents.SAMPLE))).hasSize(1);
  }

  @Test
  void anythingElseIsRefusedWithTheShapeExpected() throws Exception {
    assertThatThrownBy(() -> ShardEvents.messages(JSON.readTree("{\"source\":\"aws.events\"}")))
        .isInstanceOf(UnrecognizedEventException.class)
        .hasMessageContaining("not an SQS event")
        .hasMessageContaining("[source]");
    assertThatThrownBy(
            () ->
                ShardEvents.messages(
                    JSON.readTree(
                        "{\"Records\":[{\"messageId\":\"m\",\"eventSource\":\"aws:sns\"}]}")))
        .hasMessageContaining("a record from aws:sns, not aws:sqs");
  }
}
