package dev.flightplan.bench.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two tables of the report in Markdown: false rollbacks of healthy rollouts, and how soon
 * regressions are rolled back, each row with its goal met (✓), missed (✗) or not applicable (–).
 */
final class ReportTables {
  /** Goal: at most this share of healthy rollouts rolled back. */
  static final double MAX_FALSE_ROLLBACKS = 0.01;

  /** Goal: regressions at least this large… */
  static final double MIN_GOAL_FACTOR = 2;

  /** …at this traffic or more are rolled back within the deadline, every one of them. */
  static final double MIN_GOAL_REQUESTS_PER_MINUTE = 100;

  static final double CONFIDENCE = 0.95;

  private ReportTables() {}

  static String healthy(List<ScenarioResult> results) {
    StringBuilder table =
        new StringBuilder(
            "| requests/min per variant | baseline errors | rollouts | false rollbacks (95% CI)"
                + " | by gate | false pauses (95% CI) | completed | goal: false rollbacks ≤ 1% |\n"
                + "|---:|---:|---:|---|---|---|---:|:---:|\n");
    for (ScenarioResult result : results) {
      Proportion rollbacks = result.rolledBack();
      table.append(
          row(
              Formats.count(result.scenario().traffic().requestsPerMinute()),
              result.scenario().errorRateText(),
              Integer.toString(result.rollouts().size()),
              withInterval(rollbacks),
              byGate(result),
              withInterval(result.paused()),
              Formats.share(result.completed().share()),
              mark(rollbacks.share() <= MAX_FALSE_ROLLBACKS)));
    }
    return table.toString();
  }

  static String regressions(List<ScenarioResult> results, ReportPlan plan) {
    StringBuilder table =
        new StringBuilder(
            "| requests/min per variant | baseline errors | regression | rollouts"
                + " | rolled back after onset (95% CI) | median min | p90 min"
                + " | within for + 2 evaluations | rolled back before onset"
                + " | goal: every ≥ 2× at ≥ 100 rpm within for + 2 |\n"
                + "|---:|---:|---|---:|---|---:|---:|---|---:|:---:|\n");
    for (ScenarioResult result : results) {
      Scenario scenario = result.scenario();
      int deadline = plan.deadlineMinutes(scenario.kind());
      Proportion inTime = result.detectedWithin(deadline);
      String goal = covered(scenario) ? mark(allInTime(result, plan)) : "–";
      double[] minutes = result.minutesToRollback(0.5, 0.9);
      table.append(
          row(
              Formats.count(scenario.traffic().requestsPerMinute()),
              scenario.errorRateText(),
              scenario.kind().label() + " " + scenario.factorText(),
              Integer.toString(result.rollouts().size()),
              withInterval(result.detected()),
              minutes(minutes[0]),
              minutes(minutes[1]),
              Formats.share(inTime.share()) + " (≤ " + deadline + " min)",
              Formats.share(result.rolledBackBeforeOnset().share()),
              goal));
    }
    return table.toString();
  }

  static String healthyLegend() {
    return "Goal met (✓) when at most 1% of the healthy rollouts were rolled back; the interval"
        + " says how sure that is with this many rollouts.\n";
  }

  static String regressionsLegend() {
    return "The goal covers regressions of ×2 or more at 100 requests/min or more: met (✓) when"
        + " every rollout of the row was rolled back within the rollback gate's `for` + 2"
        + " evaluations of the onset. Median and p90 (nearest rank) are over the rollouts rolled"
        + " back after the onset; the onset is the first regressed minute.\n";
  }

  /** "Goals met: …", counted over the rows each goal covers. */
  static String goals(
      List<ScenarioResult> healthy, List<ScenarioResult> regressed, ReportPlan plan) {
    long quiet =
        healthy.stream().filter(r -> r.rolledBack().share() <= MAX_FALSE_ROLLBACKS).count();
    List<ScenarioResult> covered = regressed.stream().filter(r -> covered(r.scenario())).toList();
    long inTime = covered.stream().filter(r -> allInTime(r, plan)).count();
    return String.format(
        Locale.ROOT,
        "Goals met: false rollbacks ≤ 1%% in %d of %d cells; every ≥ 2× regression at ≥ 100"
            + " rpm rolled back within `for` + 2 evaluations in %d of %d rows.%n",
        quiet,
        healthy.size(),
        inTime,
        covered.size());
  }

  /** Whether the detection goal covers the scenario's regression and traffic. */
  private static boolean covered(Scenario scenario) {
    return scenario.factor() >= MIN_GOAL_FACTOR
        && scenario.traffic().requestsPerMinute() >= MIN_GOAL_REQUESTS_PER_MINUTE;
  }

  private static boolean allInTime(ScenarioResult result, ReportPlan plan) {
    Proportion inTime = result.detectedWithin(plan.deadlineMinutes(result.scenario().kind()));
    return inTime.hits() == inTime.trials();
  }

  static String withInterval(Proportion proportion) {
    double[] interval = proportion.interval(CONFIDENCE);
    return Formats.share(proportion.share())
        + " ("
        + Formats.share(interval[0])
        + "–"
        + Formats.share(interval[1])
        + ")";
  }

  /** "error_rate-rollback 3, latency_p95-rollback 1", or "–". */
  private static String byGate(ScenarioResult result) {
    Map<String, Long> counts = result.rollbacksByGate();
    if (counts.isEmpty()) {
      return "–";
    }
    return counts.entrySet().stream()
        .map(e -> "`" + e.getKey() + "` " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String minutes(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
  }

  static String mark(boolean met) {
    return met ? "✓" : "✗";
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}
