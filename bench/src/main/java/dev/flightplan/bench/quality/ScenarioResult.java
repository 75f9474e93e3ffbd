package dev.flightplan.bench.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.statistics.descriptive.Quantile;

/** The rollouts of one scenario, counted. */
public record ScenarioResult(Scenario scenario, List<RolloutResult> rollouts) {
  // Nearest rank (Hyndman–Fan 1): every quantile is a minute some rollout took.
  private static final Quantile NEAREST_RANK =
      Quantile.withDefaults().with(Quantile.EstimationMethod.HF1);

  public ScenarioResult {
    rollouts = List.copyOf(rollouts);
  }

  public Proportion rolledBack() {
    return count(RolloutResult::rolledBack);
  }

  public Proportion paused() {
    return count(RolloutResult::paused);
  }

  public Proportion completed() {
    return count(RolloutResult::completed);
  }

  /** Rolled back before the regression began: a false rollback in a power run. */
  public Proportion rolledBackBeforeOnset() {
    return count(r -> r.rolledBack() && !r.detected());
  }

  public Proportion detected() {
    return count(RolloutResult::detected);
  }

  /** Rolled back within {@code minutes} of the onset, out of every rollout of the scenario. */
  public Proportion detectedWithin(int minutes) {
    return count(r -> r.detected() && r.minutesToRollback() <= minutes);
  }

  /**
   * The {@code p} quantiles of minutes from onset to rollback over the detected rollouts; NaN when
   * none was detected.
   */
  public double[] minutesToRollback(double... p) {
    double[] minutes =
        rollouts.stream()
            .filter(RolloutResult::detected)
            .mapToDouble(RolloutResult::minutesToRollback)
            .toArray();
    if (minutes.length == 0) {
      double[] none = new double[p.length];
      Arrays.fill(none, Double.NaN);
      return none;
    }
    return NEAREST_RANK.evaluate(minutes, p);
  }

  /** How many rollouts each gate rolled back, by gate name in name order. */
  public Map<String, Long> rollbacksByGate() {
    return rollouts.stream()
        .filter(RolloutResult::rolledBack)
        .collect(
            Collectors.groupingBy(
                r -> Objects.requireNonNullElse(r.rollbackGate(), "no gate"),
                TreeMap::new,
                Collectors.counting()));
  }

  /** Ticks simulated over every rollout of the scenario. */
  public long simulatedMinutes() {
    return rollouts.stream().mapToLong(RolloutResult::simulatedMinutes).sum();
  }

  private Proportion count(Predicate<RolloutResult> which) {
    return new Proportion(rollouts.stream().filter(which).count(), rollouts.size());
  }
}
