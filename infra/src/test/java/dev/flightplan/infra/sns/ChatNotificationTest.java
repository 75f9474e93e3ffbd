package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Notification.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Amazon Q Developer custom notification body: its exact shape is pinned here. */
class ChatNotificationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRollbackIsACustomNotificationThreadedByRollout() throws Exception {
    Notification rollback = SnsFixtures.rollback("new-search-algorithm", 7);

    String json = ChatNotification.toJson(rollback);

    String subject = "[ROLLBACK] new-search-algorithm: error_rate 6.2 % > 5 % for 10m";
    assertThat(json)
        .isEqualTo(
            "{\"version\":\"1.0\",\"source\":\"custom\",\"id\":\"new-search-algorithm:7\","
                + "\"content\":{\"textType\":\"client-markdown\","
                + "\"title\":\""
                + subject
                + "\",\"description\":"
                + JSON.writeValueAsString(rollback.message())
                + ",\"nextSteps\":[\"See why: `flightplan history new-search-algorithm`\","
                + "\"After a fix, apply a new revision and `flightplan retry new-search-algorithm`\"],"
                + "\"keywords\":[\"flightplan\",\"ROLLBACK\",\"CRITICAL\",\"new-search-algorithm\"]},"
                + "\"metadata\":{\"threadId\":\"new-search-algorithm\",\"summary\":\""
                + subject
                + "\",\"eventType\":\"ROLLBACK\",\"relatedResources\":[\"new-search-algorithm\"],"
                + "\"additionalContext\":{\"rolloutId\":\"new-search-algorithm\","
                + "\"severity\":\"CRITICAL\",\"notificationId\":\"new-search-algorithm:7\","
                + "\"at\":\"2026-03-31T09:12:00Z\"}}}");
  }

  @Test
  void aDigestStartsItsOwnMessageAndPointsAtTheList() throws Exception {
    Notification digest =
        new Notification(
            "digest:search:daily:2026-03-30T00:00:00Z",
            null,
            "DIGEST",
            Severity.INFO,
            "[DIGEST] search 2026-03-30: 2 active rollouts",
            "Daily digest for topic search: ...\n",
            Map.of(),
            SnsFixtures.AT);

    JsonNode body = JSON.readTree(ChatNotification.toJson(digest));

    assertThat(body.path("metadata").has("threadId")).isFalse();
    assertThat(body.path("metadata").has("relatedResources")).isFalse();
    assertThat(body.path("content").path("nextSteps").get(0).asText())
        .isEqualTo("See every rollout: `flightplan list`");
    assertThat(body.path("content").path("keywords").toString())
        .isEqualTo("[\"flightplan\",\"DIGEST\",\"INFO\"]");
  }

  @Test
  void aPauseAndAnApprovalSayWhatToRunNext() throws Exception {
    JsonNode pause =
        JSON.readTree(
            ChatNotification.toJson(SnsFixtures.event("r1", 2, "PAUSE", Severity.WARNING)));
    JsonNode approval =
        JSON.readTree(
            ChatNotification.toJson(
                SnsFixtures.event("r1", 3, "AWAITING_APPROVAL", Severity.INFO)));

    assertThat(pause.path("content").path("nextSteps").toString())
        .contains("`flightplan resume r1`", "`flightplan rollback r1`");
    assertThat(approval.path("content").path("nextSteps").toString())
        .contains("`flightplan approve r1`");
  }

  @Test
  void aLongTitleAndDescriptionAreCutWithinTheBoundsAndSaySo() throws Exception {
    Notification rollback = SnsFixtures.rollback("r1", 1);
    Notification huge =
        new Notification(
            rollback.id(),
            rollback.rolloutId(),
            rollback.eventType(),
            rollback.severity(),
            "t".repeat(400),
            "d".repeat(20_000),
            Map.of(),
            rollback.at());

    JsonNode content = JSON.readTree(ChatNotification.toJson(huge)).path("content");

    assertThat(content.path("title").asText())
        .hasSize(ChatNotification.TITLE_LIMIT)
        .endsWith("...");
    assertThat(content.path("description").asText())
        .hasSize(ChatNotification.DESCRIPTION_LIMIT)
        .endsWith(ChatNotification.CUT);
  }

  @Test
  void aCutNeverSplitsACharacterInTwo() {
    String text = "a".repeat(8) + "😀" + "b".repeat(10);

    assertThat(ChatNotification.cut(text, 12, "...")).isEqualTo("a".repeat(8) + "...");
  }
}
