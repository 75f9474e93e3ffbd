package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.state.Notification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The Publish request the notifier builds, checked before anything is sent. */
class SnsPublishRequestTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:flightplan";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aStandardTopicGetsSubjectBodyAndStringAttributesButNoFifoFields() {
    PublishRequest request =
        SnsNotifier.request(SnsFixtures.rollback("new-search-algorithm", 7), TOPIC);

    assertThat(request.topicArn()).isEqualTo(TOPIC);
    assertThat(request.subject())
        .isEqualTo("[ROLLBACK] new-search-algorithm: error_rate 6.2 % > 5 % for 10m");
    assertThat(request.messageStructure()).isEqualTo("json");
    assertThat(request.messageAttributes()).containsOnlyKeys("eventType", "severity", "rolloutId");
    assertThat(request.messageAttributes().get("severity").dataType()).isEqualTo("String");
    assertThat(request.messageAttributes().get("severity").stringValue()).isEqualTo("CRITICAL");
    assertThat(request.messageGroupId()).isNull();
    assertThat(request.messageDeduplicationId()).isNull();
  }

  @Test
  void everyProtocolGetsTheJsonContractAndHttpSubscribersAlsoTheChatFields() throws Exception {
    Notification rollback = SnsFixtures.rollback("new-search-algorithm", 7);

    JsonNode bodies = JSON.readTree(SnsNotifier.request(rollback, TOPIC).message());

    assertThat(names(bodies.fieldNames())).containsExactly("default", "http", "https");
    assertThat(bodies.get("default").asText()).isEqualTo(NotificationMessage.toJson(rollback));
    assertThat(bodies.get("https").asText()).isEqualTo(bodies.get("http").asText());
    JsonNode http = JSON.readTree(bodies.get("http").asText());
    assertThat(names(http.fieldNames()))
        .containsExactly(
            "schemaVersion",
            "id",
            "rolloutId",
            "eventType",
            "severity",
            "subject",
            "message",
            "values",
            "at",
            "version",
            "source",
            "content",
            "metadata");
    JsonNode contract = JSON.readTree(NotificationMessage.toJson(rollback));
    JsonNode chat = JSON.readTree(ChatNotification.toJson(rollback));
    contract.fieldNames().forEachRemaining(f -> assertThat(http.get(f)).isEqualTo(contract.get(f)));
    chat.fieldNames().forEachRemaining(f -> assertThat(http.get(f)).isEqualTo(chat.get(f)));
  }

  @Test
  void aFifoTopicGetsTheRolloutAsGroupAndTheNotificationIdAsDedupeId() {
    PublishRequest request = SnsNotifier.request(SnsFixtures.rollback("r1", 3), TOPIC + ".fifo");

    assertThat(request.messageGroupId()).isEqualTo("r1");
    assertThat(request.messageDeduplicationId()).isEqualTo("r1:3");
  }

  @Test
  void idsFifoTopicsWouldRefuseAreHashedStably() {
    String tooLong = "r".repeat(200);
    assertThat(FifoIds.of(tooLong)).hasSize(64).isEqualTo(FifoIds.of(tooLong));
    assertThat(FifoIds.of("with space")).hasSize(64).matches("[0-9a-f]+");
    assertThat(FifoIds.of("r".repeat(FifoIds.MAX_LENGTH))).isEqualTo("r".repeat(128));
  }

  @Test
  void anEmptyAttributeIsLeftOutBecauseSnsRefusesEmptyValues() {
    Notification noSeverity =
        new Notification("r:1", "r", "START", null, "[START] r", "m", Map.of(), SnsFixtures.AT);

    assertThat(SnsNotifier.request(noSeverity, TOPIC).messageAttributes())
        .containsOnlyKeys("eventType", "rolloutId");
  }

  private static List<String> names(Iterator<String> iterator) {
    List<String> names = new ArrayList<>();
    iterator.forEachRemaining(names::add);
    return names;
  }
}
