package dev.flightplan.functions.events;

import java.util.List;

/** One small payload of each alarm route, for SnapStart priming (the full ones live in events/). */
public final class AlarmSamples {
  private static final String ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:priming";

  public static final List<String> ALL =
      List.of(
          "{\"version\":\"0\",\"id\":\"priming\",\"detail-type\":\"CloudWatch Alarm State Change\","
              + "\"source\":\"aws.cloudwatch\",\"resources\":[\""
              + ARN
              + "\"],\"detail\":{\"alarmName\":\"priming\",\"state\":{\"value\":\"OK\","
              + "\"timestamp\":\"2026-11-24T09:00:00.000+0000\"}}}",
          "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"MessageId\":\"priming\","
              + "\"Message\":\"{\\\"AlarmName\\\":\\\"priming\\\",\\\"NewStateValue\\\":\\\"OK\\\","
              + "\\\"AlarmArn\\\":\\\""
              + ARN
              + "\\\"}\"}}]}",
          "{\"source\":\"aws.cloudwatch\",\"alarmArn\":\""
              + ARN
              + "\",\"alarmData\":{\"alarmName\":\"priming\",\"state\":{\"value\":\"OK\","
              + "\"timestamp\":\"2026-11-24T09:00:00.000+0000\"}}}");

  private AlarmSamples() {}
}
