package dev.flightplan.cli.simulate;

import dev.flightplan.cli.TerminalText;
import dev.flightplan.core.simulate.Simulation;
import dev.flightplan.core.simulate.SimulationSummary;
import dev.flightplan.core.simulate.TimelineEntry;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The timeline as a table for people, with the observed values under each decision. */
final class TimelineTable implements SimulateCommand.Printer {
  private static final String ROW = "%-20s  %-17s  %-11s  %7s  %-19s  %s%n";
  private final PrintWriter out;

  TimelineTable(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void print(Simulation run, List<String> metricMismatches) {
    mismatches(metricMismatches);
    out.printf(ROW, "TIME", "DECISION", "PHASE", "PERCENT", "GATE", "REASON");
    for (TimelineEntry entry : run.timeline()) {
      out.printf(
          ROW,
          entry.time(),
          entry.decision(),
          orDash(entry.phase()),
          percent(entry.percent()),
          orDash(entry.gate()),
          TerminalText.escape(entry.reason()));
      if (!entry.values().isEmpty()) {
        out.printf("%-20s  %s%n", "", "observed " + values(entry.values()));
      }
    }
    summary(run.summary());
  }

  /** A misspelt metric name reads as missing data below; this says why, up front. */
  private void mismatches(List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    String label = "metrics";
    for (String note : notes) {
      out.printf("%-9s  %s%n", label, TerminalText.escape(note));
      label = "";
    }
    out.println();
  }

  private void summary(SimulationSummary summary) {
    out.println();
    out.printf("outcome    %s at %s%n", summary.outcome(), summary.outcomeTime());
    out.printf("why        %s%n", TerminalText.escape(summary.reason()));
    out.printf(
        "at         %s, %s exposed (status %s)%n",
        orDash(summary.phase()), percent(summary.percent()), summary.status());
    out.printf("simulated  %s to %s%n", summary.from(), summary.until());
  }

  private static String values(Map<String, Double> values) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + number(e.getValue()))
        .collect(Collectors.joining(" "));
  }

  private static String number(double value) {
    // Four significant digits, without trailing zeros: 0.062, 181.5, 1000; tiny p-values as
    // 2.9E-24.
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
    return value != 0 && Math.abs(value) < 1e-4 ? rounded.toString() : rounded.toPlainString();
  }

  private static String percent(double percent) {
    return number(percent) + "%";
  }

  private static String orDash(String text) {
    return text == null ? "-" : TerminalText.escape(text);
  }
}
