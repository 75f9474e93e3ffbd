package dev.flightplan.functions.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.state.AlarmState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads an alarm state change from each of the three ways one reaches Lambda, told apart by the
 * payload:
 *
 * <ul>
 *   <li>EventBridge {@code "CloudWatch Alarm State Change"}: {@code detail.alarmName}, {@code
 *       detail.state.value}, alarm ARN in {@code resources[0]}, event id {@code id};
 *   <li>SNS: {@code Records[].Sns.Message} is the alarm's JSON ({@code AlarmName}, {@code
 *       NewStateValue}, {@code AlarmArn}), event id {@code Sns.MessageId};
 *   <li>the alarm's own Lambda action, metric or composite: {@code source: aws.cloudwatch}, {@code
 *       alarmArn}, {@code alarmData.alarmName}, {@code alarmData.state}. It has no event id, so one
 *       is derived from the alarm ARN and the state's value and timestamp, which a redelivery
 *       repeats and a new state change does not.
 * </ul>
 */
public final class AlarmEvents {
  static final String STATE_CHANGE = "CloudWatch Alarm State Change";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlarmEvents() {}

  /** The changes in {@code event}: one, or one per SNS record. */
  public static List<AlarmChange> parse(JsonNode event) {
    if (event != null && event.has("Records")) {
      return sns(event.get("Records"));
    }
    String source = EventFields.text(event, "source");
    if ("aws.cloudwatch".equals(source)
        && STATE_CHANGE.equals(EventFields.text(event, "detail-type"))) {
      return List.of(eventBridge(event));
    }
    if ("aws.cloudwatch".equals(source) && event.has("alarmData")) {
      return List.of(lambdaAction(event));
    }
    throw new UnrecognizedEventException(
        "not an alarm state change: expected an EventBridge \""
            + STATE_CHANGE
            + "\", an SNS notification of a CloudWatch alarm, or an alarm's Lambda action; got"
            + " source "
            + source
            + " and fields "
            + EventFields.fields(event));
  }

  private static AlarmChange eventBridge(JsonNode event) {
    String shape = "EventBridge alarm state change";
    String name = EventFields.required(event, shape, "detail", "alarmName");
    JsonNode resources = event.path("resources");
    String arn = resources.isArray() && resources.size() > 0 ? resources.get(0).asText() : null;
    return new AlarmChange(
        arn == null || arn.isBlank() ? name : arn,
        state(EventFields.required(event, shape, "detail", "state", "value")),
        "eventbridge:" + EventFields.required(event, shape, "id"),
        "eventbridge",
        EventFields.text(event, "detail", "state", "timestamp"));
  }

  private static List<AlarmChange> sns(JsonNode records) {
    if (!records.isArray() || records.isEmpty()) {
      throw new UnrecognizedEventException("an SNS event without records");
    }
    List<AlarmChange> changes = new ArrayList<>();
    for (JsonNode record : records) {
      String shape = "SNS record";
      String messageId = EventFields.required(record, shape, "Sns", "MessageId");
      JsonNode alarm = message(EventFields.required(record, shape, "Sns", "Message"), messageId);
      String name = EventFields.required(alarm, "SNS alarm message", "AlarmName");
      String arn = EventFields.text(alarm, "AlarmArn");
      changes.add(
          new AlarmChange(
              arn == null ? name : arn,
              state(EventFields.required(alarm, "SNS alarm message", "NewStateValue")),
              "sns:" + messageId,
              "sns",
              EventFields.text(alarm, "StateChangeTime")));
    }
    return changes;
  }

  private static JsonNode message(String text, String messageId) {
    try {
      JsonNode message = MAPPER.readTree(text);
      if (message != null && message.isObject()) {
        return message;
      }
    } catch (JsonProcessingException e) {
      // Reported below, without the message text.
    }
    throw new UnrecognizedEventException(
        "SNS message " + messageId + " is not a CloudWatch alarm notification (not a JSON object)");
  }

  private static AlarmChange lambdaAction(JsonNode event) {
    String shape = "alarm Lambda action";
    String name = EventFields.required(event, shape, "alarmData", "alarmName");
    String arn = EventFields.text(event, "alarmArn");
    String value = EventFields.required(event, shape, "alarmData", "state", "value");
    String timestamp = EventFields.required(event, shape, "alarmData", "state", "timestamp");
    String id = EventFields.text(event, "id");
    return new AlarmChange(
        arn == null ? name : arn,
        state(value),
        "lambda-action:" + (id != null ? id : hash((arn == null ? name : arn), value, timestamp)),
        "lambda-action",
        timestamp);
  }

  private static AlarmState state(String value) {
    try {
      return AlarmState.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new UnrecognizedEventException(
          "alarm state '" + value + "' is none of OK, ALARM, INSUFFICIENT_DATA");
    }
  }

  private static String hash(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
