package dev.flightplan.infra.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.port.ShardTick;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The body of a shard message: {@code {"minute": "2026-11-24T09:01:00Z", "shard": 3}}. Written by
 * {@link SqsShardDispatcher}, read by the worker function; a body that does not read back names
 * what is wrong, so the message that carried it can be found in the dead-letter queue.
 */
public final class ShardMessages {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final int MAX_BODY = 1_024;

  private ShardMessages() {}

  public static String body(ShardTick tick) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("minute", tick.minute().toString());
    body.put("shard", tick.shard());
    return body.toString();
  }

  /** The shard tick in {@code body}; IllegalArgumentException when it is not one. */
  public static ShardTick parse(String body) {
    if (body == null || body.length() > MAX_BODY) {
      throw new IllegalArgumentException(
          "a shard message body is JSON of at most " + MAX_BODY + " characters");
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("a shard message body is not JSON: " + e.getMessage());
    }
    JsonNode minute = json == null ? null : json.get("minute");
    JsonNode shard = json == null ? null : json.get("shard");
    if (minute == null || !minute.isTextual() || shard == null || !shard.canConvertToInt()) {
      throw new IllegalArgumentException(
          "a shard message body is {\"minute\": \"<ISO-8601 minute>\", \"shard\": <integer>}");
    }
    try {
      return new ShardTick(Instant.parse(minute.asText()), shard.intValue());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "minute '"
              + minute.asText()
              + "' is not an ISO-8601 instant such as 2026-11-24T09:01:00Z");
    }
  }
}
