package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Notification.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message body is a contract for subscribers: its exact shape is pinned here. */
class NotificationMessageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theBodyHasTheDocumentedFieldsInTheirOrder() throws Exception {
    String json = NotificationMessage.toJson(SnsFixtures.rollback("new-search-algorithm", 7));

    assertThat(json)
        .isEqualTo(
            "{\"schemaVersion\":1,"
                + "\"id\":\"new-search-algorithm:7\","
                + "\"rolloutId\":\"new-search-algorithm\","
                + "\"eventType\":\"ROLLBACK\","
                + "\"severity\":\"CRITICAL\","
                + "\"subject\":\"[ROLLBACK] new-search-algorithm: error_rate 6.2 % > 5 % for 10m\","
                + "\"message\":"
                + JSON.writeValueAsString(SnsFixtures.rollback("new-search-algorithm", 7).message())
                + ","
                + "\"values\":{\"error_rate\":6.2,\"requests\":1834.0},"
                + "\"at\":\"2026-03-31T09:12:00Z\"}");
  }

  @Test
  void valuesAreSortedByNameAndNonFiniteNumbersAreNull() throws Exception {
    Notification notification =
        new Notification(
            "r:1",
            "r",
            "PAUSE",
            Severity.WARNING,
            "s",
            "m",
            Map.of("z", 1.0, "a", Double.NaN, "m", Double.POSITIVE_INFINITY),
            Instant.parse("2026-01-02T03:04:05.678Z"));

    JsonNode body = JSON.readTree(NotificationMessage.toJson(notification));

    assertThat(List.copyOf(iterable(body.get("values").fieldNames())))
        .containsExactly("a", "m", "z");
    assertThat(body.get("values").get("a").isNull()).isTrue();
    assertThat(body.get("values").get("m").isNull()).isTrue();
    assertThat(body.get("at").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
  }

  @Test
  void unicodeAndLineBreaksSurviveInTheBody() throws Exception {
    Notification rollback = SnsFixtures.rollback("r", 1);
    Notification unicode =
        new Notification(
            "r:1",
            "r",
            "ROLLBACK",
            Severity.CRITICAL,
            "[ROLLBACK] r: Latenz ≥ 2×",
            "zeile 1\nzeile 2 — café",
            Map.of(),
            rollback.at());

    JsonNode body = JSON.readTree(NotificationMessage.toJson(unicode));

    assertThat(body.get("subject").asText()).isEqualTo("[ROLLBACK] r: Latenz ≥ 2×");
    assertThat(body.get("message").asText()).isEqualTo("zeile 1\nzeile 2 — café");
    assertThat(body.get("values").isEmpty()).isTrue();
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> list = new java.util.ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
