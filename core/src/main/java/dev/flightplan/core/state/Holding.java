package dev.flightplan.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a rollout is not moving, as the controller last saw it.
 *
 * @param reason words, as {@code get} prints them ("baking phase standard-5: 3h 12m left of 1d")
 * @param since when this hold began: kept while the same hold lasts
 * @param until when it ends by itself (bake end, window opening), or null
 * @param gate the gate, for gate kinds; else null
 * @param metric the metric, for missing data and metric errors; else null
 * @param by who paused, for {@link HoldKind#PAUSED}; else null
 */
public record Holding(
    HoldKind kind,
    String reason,
    Instant since,
    Instant until,
    String gate,
    String metric,
    String by) {
  public Holding {
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * The same hold: kind and subject (gate, metric, who, and the end it waits for) unchanged. The
   * reason's words may differ ("3h 12m left" becomes "3h 11m left") without making a new hold.
   */
  public boolean sameHoldAs(Holding other) {
    return other != null
        && kind == other.kind
        && Objects.equals(gate, other.gate)
        && Objects.equals(metric, other.metric)
        && Objects.equals(until, other.until)
        && Objects.equals(by, other.by);
  }

  /** This hold, begun at {@code since} unless {@code before} is the same hold already. */
  public Holding continuing(Holding before, Instant since) {
    Instant began = sameHoldAs(before) && before.since() != null ? before.since() : since;
    return new Holding(kind, reason, began, until, gate, metric, by);
  }
}
