package dev.flightplan.functions.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of an SQS event, as the workers' event source mapping delivers them ({@code
 * events/worker/sqs-shard-message.json}): each record's id (what a partial batch response names)
 * and body. The body is read by the caller, one record at a time, so one bad body fails only its
 * own message.
 */
public final class ShardEvents {
  public static final String EVENT_SOURCE = "aws:sqs";

  /** A representative event, for priming. */
  public static final String SAMPLE =
      "{\"Records\":[{\"messageId\":\"priming\",\"body\":"
          + "\"{\\\"minute\\\":\\\"2026-11-24T09:01:00Z\\\",\\\"shard\\\":0}\","
          + "\"eventSource\":\"aws:sqs\"}]}";

  /** One message of the event. */
  public record Message(String messageId, String body) {}

  private ShardEvents() {}

  /** The event's messages, in order. */
  public static List<Message> messages(JsonNode event) {
    JsonNode records = event == null ? null : event.get("Records");
    if (records == null || !records.isArray()) {
      throw new UnrecognizedEventException(
          "not an SQS event: expected {\"Records\": [{\"messageId\": …, \"body\": …,"
              + " \"eventSource\": \"aws:sqs\"}]}; got fields "
              + EventFields.fields(event));
    }
    List<Message> messages = new ArrayList<>();
    for (JsonNode record : records) {
      if (!EVENT_SOURCE.equals(EventFields.text(record, "eventSource"))) {
        throw new UnrecognizedEventException(
            "a record from " + EventFields.text(record, "eventSource") + ", not " + EVENT_SOURCE);
      }
      String id = EventFields.required(record, "SQS record", "messageId");
      JsonNode body = record.get("body");
      messages.add(new Message(id, body == null || body.isNull() ? null : body.asText()));
    }
    return messages;
  }
}
