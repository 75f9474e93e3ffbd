package dev.flightplan.bench.quality;

import dev.flightplan.core.gate.GateValueFormat;
import dev.flightplan.core.plan.Durations;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Percent;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Threshold;
import java.util.stream.Collectors;

/** The plan under test in a few lines: its phases and each gate with its settings. */
final class PlanDescription {
  private PlanDescription() {}

  /** "1% 10m → 5% 10m → …". */
  static String phases(Plan plan) {
    return plan.phases().stream().map(PlanDescription::phase).collect(Collectors.joining(" → "));
  }

  /**
   * "`error_rate-rollback`: error_rate > 1.5x baseline for 2m → rollback (minSamples 100,
   * confidence 0.95)".
   */
  static String gate(Plan plan, Gate gate) {
    MetricSpec spec = plan.metrics().get(gate.metric());
    String sustain = gate.sustain().isZero() ? "" : " for " + Durations.format(gate.sustain());
    String confidence = gate.isRelative() ? ", confidence " + gate.confidence() : "";
    return "`"
        + gate.name()
        + "`: "
        + gate.metric()
        + " "
        + gate.op().symbol()
        + " "
        + bound(gate.threshold(), spec.unit())
        + sustain
        + " → "
        + gate.action().wireName()
        + " (minSamples "
        + gate.minSamples()
        + confidence
        + ")";
  }

  private static String phase(Phase phase) {
    return Percent.format(phase.basisPoints()) + " " + Durations.format(phase.bake());
  }

  private static String bound(Threshold threshold, MetricSpec.Unit unit) {
    return switch (threshold) {
      case Threshold.Absolute absolute -> GateValueFormat.value(absolute.value(), unit);
      case Threshold.Relative relative ->
          switch (relative.kind()) {
            case TIMES -> GateValueFormat.number(relative.amount()) + "x baseline";
            case PLUS_POINTS ->
                "baseline +" + GateValueFormat.number(relative.amount() * 100) + "pp";
            case PLUS -> "baseline +" + GateValueFormat.value(relative.amount(), unit);
          };
    };
  }
}
