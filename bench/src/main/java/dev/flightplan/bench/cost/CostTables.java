package dev.flightplan.bench.cost;

import dev.flightplan.bench.cost.CostBench.CostOptions;
import dev.flightplan.bench.cost.CostBench.Month;
import dev.flightplan.bench.cost.CostScenario.Measured;
import dev.flightplan.bench.cost.TickBill.Rates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's output: per-tick counts, the month's cost per size, and the report's lines. */
final class CostTables {
  static final String GOAL = "≤ $0.90";

  private final CostOptions options;

  CostTables(CostOptions options) {
    this.options = options;
  }

  void print(List<Measured> measured, PrintStream out) throws IOException {
    out.printf(
        "## Per tick, measured (DynamoDB Local + moto; window of %d ticks, load average %s)%n%n",
        options.window(), loadAverage());
    out.println(
        "| rollouts | tick | Query pages | read units | GetItem | writes | write units"
            + " | GetMetricData | metrics requested | SNS publishes | ms | of which GetMetricData |");
    out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Measured m : measured) {
      row(out, m.rollouts(), "mean of the window", m.steady().perTick());
      row(out, m.rollouts(), "view refresh", m.refresh().perTick());
      row(out, m.rollouts(), "phase advance", m.advance().perTick());
      row(out, m.rollouts(), "first (+ daily digest)", m.first().perTick());
    }
    List<Month> months = months(measured);
    out.printf(
        "%n## A month (%d days of 1-minute ticks), %s list prices of %s, Lambda arm64 %d MB%n%n",
        MonthModel.DAYS, Prices.REGION, Prices.DATE, options.memoryMb());
    out.println(
        "| rollouts | DynamoDB | CloudWatch GetMetricData | Lambda | SNS | Scheduler | month"
            + " | per rollout-month | Lambda without moto's GetMetricData time |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<String> report = new ArrayList<>();
    for (Month month : months) {
      MonthModel.Cost cost = MonthModel.cost(month.quantities(), options.memoryMb());
      double perRollout = cost.total() / month.rollouts();
      out.printf(
          Locale.ROOT,
          "| %,d%s | $%.4f | $%.4f | $%.4f | $%.6f | $%.4f | $%.2f | **$%.3f** | $%.4f |%n",
          month.rollouts(),
          month.extrapolated() ? " (extrapolated)" : "",
          cost.dynamoDb(),
          cost.cloudWatch(),
          cost.lambda(),
          cost.sns(),
          cost.scheduler(),
          cost.total(),
          perRollout,
          MonthModel.cost(month.quantities().withoutMetricsWait(), options.memoryMb()).lambda());
      report.add(
          String.format(
              Locale.ROOT,
              "cost per rollout-month, %,d rollout%s, 1-minute tick%s\t$%.3f\t%s\t-",
              month.rollouts(),
              month.rollouts() == 1 ? "" : "s",
              month.extrapolated() ? " (extrapolated)" : "",
              perRollout,
              GOAL));
    }
    Measured largest = measured.get(measured.size() - 1);
    report.add(
        String.format(
            Locale.ROOT,
            "GetMetricData metrics requested per rollout and tick\t%.1f\t-\t-",
            largest.steady().perTick().metricsRequested() / largest.rollouts()));
    out.printf(
        "%nFree tiers ignored: %s.%nPhase changes: %.2f per rollout-month; digests: one a day.%n",
        Prices.FREE_TIERS_IGNORED, MonthModel.PHASE_CHANGES_PER_ROLLOUT_MONTH);
    out.println();
    report.forEach(out::println);
    if (options.report() != null) {
      Files.createDirectories(options.report().toAbsolutePath().getParent());
      Files.write(options.report(), report, StandardCharsets.UTF_8);
    }
  }

  private List<Month> months(List<Measured> measured) {
    List<Month> months = new ArrayList<>();
    for (Measured m : measured) {
      months.add(new Month(m.rollouts(), false, MonthModel.month(m)));
    }
    int n = months.size();
    if (n >= 2 && options.extrapolate() > months.get(n - 1).rollouts()) {
      Month small = months.get(n - 2);
      Month large = months.get(n - 1);
      Rates line =
          MonthModel.extrapolate(
              small.rollouts(),
              small.quantities(),
              large.rollouts(),
              large.quantities(),
              options.extrapolate());
      months.add(new Month(options.extrapolate(), true, line));
    }
    return months;
  }

  private static void row(PrintStream out, int rollouts, String tick, Rates r) {
    out.printf(
        Locale.ROOT,
        "| %,d | %s | %.2f | %.1f | %.2f | %.2f | %.1f | %.2f | %.1f | %.2f | %.0f | %.0f |%n",
        rollouts,
        tick,
        r.queryPages(),
        r.readUnits(),
        r.getItems(),
        r.writes(),
        r.writeUnits(),
        r.getMetricDataCalls(),
        r.metricsRequested(),
        r.snsPublishes(),
        r.millis(),
        r.metricsMillis());
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
