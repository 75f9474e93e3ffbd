package dev.flightplan.core.simulate;

import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a plan and a trace disagree on metric names: trace metrics the plan never reads, and
 * CloudWatch metrics a plan metric reads (a metric, or a ratio's numerator or denominator) that the
 * trace never has. A misspelt name is the usual cause, and it shows here before it shows as missing
 * data in the timeline.
 */
public final class MetricMismatches {
  private MetricMismatches() {}

  /** One line per mismatch: unused trace metrics first, then what the plan reads in vain. */
  public static List<String> between(Plan plan, Trace trace) {
    Set<String> read = new HashSet<>();
    plan.metrics().values().forEach(spec -> read.addAll(reads(spec)));
    Set<String> traced = trace.metrics();
    List<String> notes = new ArrayList<>();
    for (String metric : traced) {
      if (!read.contains(metric)) {
        notes.add("trace metric " + metric + " is not used by the plan");
      }
    }
    for (MetricSpec spec : plan.metrics().values()) {
      for (String metric : reads(spec)) {
        if (!traced.contains(metric)) {
          notes.add(
              "plan metric " + spec.name() + " reads " + metric + ", which the trace never has");
        }
      }
    }
    return notes;
  }

  /** The CloudWatch metrics one plan metric reads. */
  private static List<String> reads(MetricSpec spec) {
    return spec.isRatio()
        ? List.of(spec.ratio().numerator(), spec.ratio().denominator())
        : List.of(spec.metric());
  }
}
