package dev.flightplan.core.gate;

import dev.flightplan.core.plan.Durations;
import dev.flightplan.core.plan.FieldError;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings, not errors, for plans that are valid but would judge a phase on less evidence than its
 * gates read (docs/design.md §2.5): evidence starts {@link EvidenceWindow#SETTLE} after a phase
 * begins, on a period boundary, so a phase whose bake is shorter than that settling time plus the
 * lookback advances on a window cut short. A last phase with no bake is left alone: it completes as
 * soon as its gates pass, and its exposure stays.
 */
public final class EvidenceWarnings {
  private EvidenceWarnings() {}

  public static List<FieldError> of(Plan plan) {
    List<FieldError> warnings = new ArrayList<>();
    for (int i = 0; i < plan.phases().size(); i++) {
      Phase phase = plan.phases().get(i);
      boolean finalWithoutBake = i == plan.lastPhase() && phase.bake().isZero();
      Gate neediest = finalWithoutBake ? null : neediest(plan, phase);
      if (neediest != null) {
        String outcome = i == plan.lastPhase() ? "complete" : "advance";
        MetricSpec spec = plan.metrics().get(neediest.metric());
        warnings.add(warning(i, phase, neediest, spec, outcome));
      }
    }
    return warnings;
  }

  /**
   * The time from a phase start until a full lookback of evidence is in, rounded up to whole
   * periods: 30 s settle + 10m lookback at 1m periods is 11m.
   */
  public static Duration needed(MetricSpec spec) {
    long period = spec.period().toSeconds();
    long lookback = EvidenceWindow.lookbackPeriods(spec) * period;
    long settle = EvidenceWindow.SETTLE.toSeconds();
    return Duration.ofSeconds((settle + lookback + period - 1) / period * period);
  }

  /** The gate whose metric needs the longest evidence, if longer than the phase's bake. */
  private static Gate neediest(Plan plan, Phase phase) {
    Gate neediest = null;
    Duration most = phase.bake();
    for (Gate gate : plan.gates()) {
      MetricSpec spec = plan.metrics().get(gate.metric());
      if (spec != null && needed(spec).compareTo(most) > 0) {
        neediest = gate;
        most = needed(spec);
      }
    }
    return neediest;
  }

  private static FieldError warning(
      int index, Phase phase, Gate gate, MetricSpec spec, String outcome) {
    String message =
        "phase "
            + phase.name()
            + " bakes "
            + Durations.format(phase.bake())
            + " but gate "
            + gate.name()
            + " reads "
            + Durations.format(spec.lookback())
            + " of evidence at each exposure ("
            + Durations.format(EvidenceWindow.SETTLE)
            + " settle + "
            + Durations.format(spec.lookback())
            + " lookback); the phase would "
            + outcome
            + " on "
            + Durations.format(evidenceAtBakeEnd(phase, spec))
            + " of data";
    String hint =
        "bake at least "
            + Durations.format(needed(spec))
            + " or shorten metrics."
            + spec.name()
            + ".lookback";
    return new FieldError("phases[" + index + "].bake", message, hint);
  }

  /**
   * Whole periods of evidence when the bake ends, for a phase starting on a period boundary; at
   * least one period, since no evidence at all holds the phase.
   */
  private static Duration evidenceAtBakeEnd(Phase phase, MetricSpec spec) {
    long period = spec.period().toSeconds();
    long settled = (EvidenceWindow.SETTLE.toSeconds() + period - 1) / period * period;
    long whole = (phase.bake().toSeconds() - settled) / period * period;
    return Duration.ofSeconds(Math.max(period, whole));
  }
}
