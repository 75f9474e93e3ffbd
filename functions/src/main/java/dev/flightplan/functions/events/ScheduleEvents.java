package dev.flightplan.functions.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When the controller's schedule fired, from either trigger:
 *
 * <ul>
 *   <li>EventBridge Scheduler with the template's input {@code {"source": "flightplan.schedule",
 *       "scheduledTime": "<aws.scheduler.scheduled-time>"}} (the Scheduler fills the context
 *       attribute, e.g. {@code 2026-11-24T09:01:00Z}; {@code executionId} and {@code attempt} may
 *       ride along for the logs);
 *   <li>the classic EventBridge rule's {@code "detail-type": "Scheduled Event"}, by its {@code
 *       time}.
 * </ul>
 *
 * The scheduled time, not the time of arrival, keys the tick, so a retried delivery of the same
 * minute changes nothing.
 */
public final class ScheduleEvents {
  public static final String SOURCE = "flightplan.schedule";
  public static final String SCHEDULED_EVENT = "Scheduled Event";

  /** A representative Scheduler input, for priming. */
  public static final String SAMPLE =
      "{\"source\":\"flightplan.schedule\",\"scheduledTime\":\"2026-11-24T09:01:00Z\","
          + "\"executionId\":\"priming\",\"attempt\":\"1\"}";

  private ScheduleEvents() {}

  /** The minute this invocation is for. */
  public static Instant scheduledAt(JsonNode event) {
    String source = EventFields.text(event, "source");
    if (SOURCE.equals(source)) {
      return time(EventFields.required(event, "Scheduler input", "scheduledTime"), "scheduledTime");
    }
    if ("aws.events".equals(source)
        && SCHEDULED_EVENT.equals(EventFields.text(event, "detail-type"))) {
      return time(EventFields.required(event, "Scheduled Event", "time"), "time");
    }
    throw new UnrecognizedEventException(
        "not a schedule event: expected the Scheduler input {\"source\": \""
            + SOURCE
            + "\", \"scheduledTime\": …} or an EventBridge \"Scheduled Event\"; got source "
            + source
            + " and fields "
            + EventFields.fields(event));
  }

  private static Instant time(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new UnrecognizedEventException(
          field + " '" + text + "' is not an ISO-8601 instant such as 2026-11-24T09:01:00Z");
    }
  }
}
