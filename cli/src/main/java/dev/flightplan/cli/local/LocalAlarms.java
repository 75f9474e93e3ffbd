package dev.flightplan.cli.local;

import dev.flightplan.functions.AlarmHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Alarm state changes in local mode: {@code POST /local/alarms/{name}?state=ALARM} becomes the
 * EventBridge {@code "CloudWatch Alarm State Change"} event that CloudWatch sends in AWS, and the
 * same {@link AlarmHandler} takes it, so a plan's {@code alarms:} can be tried without AWS.
 */
final class LocalAlarms {
  static final String PATH = "/local/alarms/";
  static final Set<String> STATES = Set.of("ALARM", "OK", "INSUFFICIENT_DATA");

  private final AlarmHandler handler;
  private final Clock clock;

  LocalAlarms(AlarmHandler handler, Clock clock) {
    this.handler = handler;
    this.clock = clock;
  }

  /** What the alarm handler answers to alarm {@code name} entering {@code state}. */
  Map<String, Object> change(String name, String state) {
    String now = clock.instant().toString();
    Map<String, Object> event =
        Map.of(
            "version",
            "0",
            "id",
            UUID.randomUUID().toString(),
            "detail-type",
            "CloudWatch Alarm State Change",
            "source",
            "aws.cloudwatch",
            "time",
            now,
            "resources",
            List.of(),
            "detail",
            Map.of(
                "alarmName",
                name,
                "state",
                Map.of("value", state, "reason", "set by flightplan alarm", "timestamp", now)));
    return handler.handleRequest(event, null);
  }
}
