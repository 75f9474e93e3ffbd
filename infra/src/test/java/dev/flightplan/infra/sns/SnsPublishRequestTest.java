package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.state.Notification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The Publish request the notifier builds, checked before anything is sent. */
class SnsPublishRequestTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:flightplan";

  @Test
  void aStandardTopicGetsSubjectBodyAndStringAttributesButNoFifoFields() {
    PublishRequest request =
        SnsNotifier.request(SnsFixtures.rollback("new-search-algorithm", 7), TOPIC);

    assertThat(request.topicArn()).isEqualTo(TOPIC);
    assertThat(request.subject())
        .isEqualTo("[ROLLBACK] new-search-algorithm: error_rate 6.2 % > 5 % for 10m");
    assertThat(request.message())
        .startsWith("{\"schemaVersion\":1,\"id\":\"new-search-algorithm:7\"");
    assertThat(request.messageAttributes()).containsOnlyKeys("eventType", "severity", "rolloutId");
    assertThat(request.messageAttributes().get("severity").dataType()).isEqualTo("String");
    assertThat(request.messageAttributes().get("severity").stringValue()).isEqualTo("CRITICAL");
    assertThat(request.messageGroupId()).isNull();
    assertThat(request.messageDeduplicationId()).isNull();
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
}
