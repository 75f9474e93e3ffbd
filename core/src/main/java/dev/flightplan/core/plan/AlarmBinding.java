package dev.flightplan.core.plan;

/**
 * A CloudWatch alarm that rolls the rollout back when it enters {@code ALARM}; with {@code
 * rollbackOnInsufficientData} also when it enters {@code INSUFFICIENT_DATA}. {@code name} is the
 * alarm name or its ARN.
 */
public record AlarmBinding(String name, boolean rollbackOnInsufficientData) {

  /** Matches by name or ARN, whichever of the two either side gives. */
  public boolean matches(String nameOrArn) {
    return name.equals(nameOrArn) || alarmName(name).equals(alarmName(nameOrArn));
  }

  /** The alarm name of an ARN ({@code arn:aws:cloudwatch:region:acct:alarm:NAME}) or the name. */
  public static String alarmName(String nameOrArn) {
    String marker = ":alarm:";
    int at = nameOrArn.startsWith("arn:") ? nameOrArn.indexOf(marker) : -1;
    return at < 0 ? nameOrArn : nameOrArn.substring(at + marker.length());
  }
}
