package dev.flightplan.bench.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An EventBridge "CloudWatch Alarm State Change" to ALARM, as Lambda hands it to the handler. */
final class AlarmEvent {
  private AlarmEvent() {}

  static Map<String, Object> entered(String alarm, String region) {
    String now = Instant.now().toString();
    return Map.of(
        "version",
        "0",
        "id",
        UUID.randomUUID().toString(),
        "detail-type",
        "CloudWatch Alarm State Change",
        "source",
        "aws.cloudwatch",
        "account",
        "123456789012",
        "time",
        now,
        "region",
        region,
        "resources",
        List.of("arn:aws:cloudwatch:" + region + ":123456789012:alarm:" + alarm),
        "detail",
        Map.of(
            "alarmName", alarm,
            "state", Map.of("value", "ALARM", "reason", "bench", "timestamp", now),
            "previousState", Map.of("value", "OK", "reason", "bench", "timestamp", now)));
  }
}
