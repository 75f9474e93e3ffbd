package dev.flightplan.bench.alarm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The percentiles of one case's deliveries, and the lines of the shared bench report. */
record DeliveryFigures(int bound, List<long[]> nanos) {
  private static final String[] FIGURES = {
    "rollback stored", "exposure at zero", "handler returned"
  };
  private static final String[] GOALS = {"≤ 50 ms", "≤ 80 ms", "-"};
  private static final double[] PERCENTILES = {50, 95, 99};

  /** Milliseconds at percentile {@code p} (nearest rank) of figure {@code figure}. */
  double millis(int figure, double p) {
    long[] sorted = nanos.stream().mapToLong(n -> n[figure]).sorted().toArray();
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  double max(int figure) {
    return Arrays.stream(nanos.stream().mapToLong(n -> n[figure]).toArray()).max().orElse(0) / 1e6;
  }

  String label() {
    return bound + (bound == 1 ? " bound rollout" : " bound rollouts");
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nAlarm delivery, %s, %d deliveries (ms from the event handed to the handler)%n",
            label(),
            nanos.size()));
    out.append(
        String.format(
            Locale.ROOT, "  %-18s %8s %8s %8s %8s%n", "figure", "p50", "p95", "p99", "max"));
    for (int f = 0; f < FIGURES.length; f++) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-18s %8.1f %8.1f %8.1f %8.1f%n",
              FIGURES[f],
              millis(f, 50),
              millis(f, 95),
              millis(f, 99),
              max(f)));
    }
    return out.toString();
  }

  /**
   * {@code figure<TAB>measured<TAB>goal<TAB>anchor} per headline figure: p50, p95 and p99 of stored
   * and at zero; the goals on p99, AWS's own EventBridge → Lambda delivery beside p50 and p99.
   */
  static String reportLines(List<DeliveryFigures> cases) {
    StringBuilder out = new StringBuilder();
    for (DeliveryFigures c : cases) {
      for (int f = 0; f < 2; f++) {
        for (double p : PERCENTILES) {
          String anchor =
              p == 50
                  ? "EventBridge → Lambda delivery p50 148 ms, before the handler"
                  : p == 99 ? "EventBridge → Lambda delivery p99 387 ms, before the handler" : "-";
          out.append(
              String.format(
                  Locale.ROOT,
                  "alarm → %s, p%d (%s)\t%.1f ms\t%s\t%s%n",
                  FIGURES[f],
                  (int) p,
                  c.label(),
                  c.millis(f, p),
                  p == 99 ? GOALS[f] : "-",
                  anchor));
        }
      }
    }
    return out.toString();
  }
}
