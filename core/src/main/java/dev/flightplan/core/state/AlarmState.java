package dev.flightplan.core.state;

/** The state a CloudWatch alarm entered, as its state-change event names it. */
public enum AlarmState {
  OK,
  ALARM,
  INSUFFICIENT_DATA
}
