package dev.flightplan.functions.observe;

import dev.flightplan.core.service.TickReport;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** The metrics each handler emits, named once here so the dashboard and alarms can rely on them. */
public final class HandlerMetrics {
  public static final String EVALUATED = "RolloutsEvaluated";
  public static final String ADVANCED = "Advanced";
  public static final String PAUSED = "Paused";
  public static final String AWAITING_APPROVAL = "AwaitingApproval";
  public static final String ROLLED_BACK = "RolledBack";
  public static final String COMPLETED = "Completed";
  public static final String HELD = "Held";
  public static final String FAILED = "Failed";
  public static final String QUARANTINED = "Quarantined";
  public static final String DUPLICATE_TICKS = "DuplicateTicks";
  public static final String TICK_DURATION = "TickDuration";
  public static final String ALARM_EVENTS = "AlarmEvents";
  public static final String ALARM_ROLLBACKS = "AlarmRollbacks";

  private HandlerMetrics() {}

  /** One tick: what it did, and how long it took in milliseconds. */
  public static void tick(Metrics metrics, TickReport report) {
    count(metrics, EVALUATED, report.evaluated());
    count(metrics, ADVANCED, report.advanced());
    count(metrics, PAUSED, report.paused());
    count(metrics, AWAITING_APPROVAL, report.awaitingApproval());
    count(metrics, ROLLED_BACK, report.rolledBack());
    count(metrics, COMPLETED, report.completed());
    count(metrics, HELD, report.held());
    count(metrics, FAILED, report.failed());
    count(metrics, QUARANTINED, report.quarantined());
    count(metrics, DUPLICATE_TICKS, report.duplicate() ? 1 : 0);
    metrics.addMetric(TICK_DURATION, report.duration().toMillis(), MetricUnit.MILLISECONDS);
    metrics.flush();
  }

  /** One alarm invocation: state changes handled and rollouts they rolled back. */
  public static void alarm(Metrics metrics, int events, int rolledBack) {
    count(metrics, ALARM_EVENTS, events);
    count(metrics, ALARM_ROLLBACKS, rolledBack);
    metrics.flush();
  }

  private static void count(Metrics metrics, String name, int value) {
    metrics.addMetric(name, value, MetricUnit.COUNT);
  }
}
