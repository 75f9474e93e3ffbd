package dev.flightplan.cli.local;

import dev.flightplan.core.plan.Comparison;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.StatisticNames;
import dev.flightplan.core.plan.Threshold;
import java.util.Locale;

/**
 * What a healthy service shows for one metric of a plan, so that a rollout without a fault passes
 * its gates: the level sits well inside every absolute threshold the plan sets on the metric. An
 * error rate sits at a fifth of its lowest bound at most, so that even the first minute of evidence
 * after a change (a thousand requests on a one-percent ring) stays under it.
 *
 * @param level per period: the error rate of a ratio, the latency in the metric's unit, or the
 *     value of any other metric
 */
record MetricProfile(Kind kind, double level) {
  static final double ERROR_RATE = 0.001;
  static final double ERROR_RATE_SHARE_OF_BOUND = 0.2;
  static final double LATENCY_MS = 120;

  enum Kind {
    /** Errors over requests; the candidate's error rate is what a fault changes. */
    RATIO,
    /** Log-normal, per period; a fault multiplies it. */
    LATENCY,
    /** Request counts ({@code Sum}, {@code SampleCount}). */
    COUNT,
    /** A gauge or score, with a little noise. */
    GAUGE
  }

  static MetricProfile of(Plan plan, MetricSpec spec) {
    if (spec.isRatio()) {
      return new MetricProfile(
          Kind.RATIO, Math.min(ERROR_RATE, ERROR_RATE_SHARE_OF_BOUND * ceiling(plan, spec)));
    }
    if (isLatency(spec)) {
      double typical = spec.unit() == MetricSpec.Unit.SECONDS ? LATENCY_MS / 1000 : LATENCY_MS;
      return new MetricProfile(Kind.LATENCY, Math.min(typical, 0.5 * ceiling(plan, spec)));
    }
    if (spec.stat().equals("Sum") || spec.stat().equals("SampleCount")) {
      return new MetricProfile(Kind.COUNT, 1);
    }
    return new MetricProfile(Kind.GAUGE, gauge(plan, spec));
  }

  private static boolean isLatency(MetricSpec spec) {
    String name = (spec.name() + " " + spec.metric()).toLowerCase(Locale.ROOT);
    return StatisticNames.isPercentile(spec.stat())
        || spec.unit() == MetricSpec.Unit.MILLISECONDS
        || spec.unit() == MetricSpec.Unit.SECONDS
        || name.contains("latency")
        || name.contains("duration");
  }

  /** The lowest absolute upper bound on the metric, or infinity. */
  private static double ceiling(Plan plan, MetricSpec spec) {
    double lowest = Double.POSITIVE_INFINITY;
    for (Gate gate : plan.gates()) {
      if (gate.metric().equals(spec.name())
          && gate.threshold() instanceof Threshold.Absolute(double value)
          && (gate.op() == Comparison.GT || gate.op() == Comparison.GE)
          && value > 0) {
        lowest = Math.min(lowest, value);
      }
    }
    return lowest;
  }

  /** Above every lower bound and below every upper bound that the gates breach on. */
  private static double gauge(Plan plan, MetricSpec spec) {
    double floor = Double.NEGATIVE_INFINITY;
    double ceiling = Double.POSITIVE_INFINITY;
    for (Gate gate : plan.gates()) {
      if (gate.metric().equals(spec.name())
          && gate.threshold() instanceof Threshold.Absolute(double value)) {
        boolean mustExceed = gate.op() == Comparison.GE || gate.op() == Comparison.GT;
        // A require gate holds while its comparison fails; the others breach when it holds.
        if (mustExceed == (gate.action() == GateAction.REQUIRE)) {
          floor = Math.max(floor, value);
        } else {
          ceiling = Math.min(ceiling, value);
        }
      }
    }
    if (floor > Double.NEGATIVE_INFINITY) {
      return floor + Math.abs(floor) * 0.07;
    }
    return ceiling < Double.POSITIVE_INFINITY ? ceiling * 0.6 : 1;
  }
}
