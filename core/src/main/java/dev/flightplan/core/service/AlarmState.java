package dev.flightplan.core.service;

/** The state a CloudWatch alarm entered, as its state-change event names it. */
public enum AlarmState {
  OK,
  ALARM,
  INSUFFICIENT_DATA
}
