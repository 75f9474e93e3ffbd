package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudWatchCompositeAlarmEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchMetricAlarmEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The controller and alarm fixtures read as AWS's own event classes read them: proof their shapes
 * are the real ones, not only what our parser accepts.
 */
class EventFixturesShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theScheduledEventIsAnEventBridgeScheduledEvent() {
    ScheduledEvent event = EventLoader.loadScheduledEvent("events/controller/scheduled-event.json");

    assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
    assertThat(event.getSource()).isEqualTo("aws.events");
    assertThat(event.getTime()).isNotNull();
  }

  @Test
  void theSnsFixtureWrapsACloudWatchAlarmMessage() throws Exception {
    SNSEvent event = EventLoader.loadSNSEvent("events/alarm/sns-alarm.json");

    SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
    JsonNode message = JSON.readTree(sns.getMessage());
    assertThat(sns.getMessageId()).isNotBlank();
    assertThat(message.path("AlarmName").asText()).isEqualTo("search-5xx-critical");
    assertThat(message.path("NewStateValue").asText()).isEqualTo("ALARM");
    assertThat(message.path("AlarmArn").asText()).endsWith(":alarm:search-5xx-critical");
  }

  @Test
  void theLambdaActionFixturesAreMetricAndCompositeAlarmEvents() {
    CloudWatchMetricAlarmEvent metric =
        EventLoader.loadCloudWatchMetricAlarmEvent("events/alarm/lambda-alarm-action.json");
    CloudWatchCompositeAlarmEvent composite =
        EventLoader.loadCloudWatchCompositeAlarmEvent(
            "events/alarm/lambda-composite-alarm-action.json");

    assertThat(metric.getSource()).isEqualTo("aws.cloudwatch");
    assertThat(metric.getAlarmData().getAlarmName()).isEqualTo("search-5xx-critical");
    assertThat(metric.getAlarmData().getState().getValue()).isEqualTo("ALARM");
    assertThat(metric.getAlarmData().getConfiguration().getMetrics()).hasSize(1);
    assertThat(composite.getAlarmData().getAlarmName()).isEqualTo("search-health");
    assertThat(composite.getAlarmData().getConfiguration().getAlarmRule())
        .contains("ALARM(search-5xx-critical)");
  }

  @Test
  void theEventBridgeFixturesAreAlarmStateChanges() throws Exception {
    for (String name :
        new String[] {
          "eventbridge-alarm-state-change",
          "eventbridge-alarm-state-change-ok",
          "eventbridge-alarm-insufficient-data"
        }) {
      JsonNode event = JSON.readTree(getClass().getResource("/events/alarm/" + name + ".json"));
      assertThat(event.path("detail-type").asText()).isEqualTo("CloudWatch Alarm State Change");
      assertThat(event.path("resources").get(0).asText())
          .endsWith(":alarm:" + event.path("detail").path("alarmName").asText());
      ScheduledEvent generic =
          EventLoader.loadScheduledEvent("events/alarm/" + name + ".json"); // any EventBridge event
      assertThat(generic.getId()).isEqualTo(event.path("id").asText());
    }
  }
}
