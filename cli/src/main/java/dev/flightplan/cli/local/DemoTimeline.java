package dev.flightplan.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.core.plan.Percent;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.HistoryActions;
import dev.flightplan.evaluation.Exposure;
import java.io.PrintWriter;
import java.util.Set;

/** The demo's timeline: one row per decision or action in the rollout's history, as it happens. */
final class DemoTimeline {
  private static final String ROW = "%-20s  %-17s  %-11s  %-22s  %s%n";

  // Bookkeeping of the setup, not decisions.
  private static final Set<String> QUIET = Set.of("CREATE", "CHECKLIST");

  private final Plan plan;
  private final PrintWriter out;
  private long lastSeq;

  DemoTimeline(Plan plan, PrintWriter out) {
    this.plan = plan;
    this.out = out;
  }

  void header() {
    out.printf(ROW, "TIME", "DECISION", "PHASE", "EXPOSURE", "WHY");
    out.flush();
  }

  /** Prints the entries of {@code history} not printed yet. */
  void print(JsonNode history) {
    for (JsonNode entry : history.path("items")) {
      long seq = entry.path("seq").asLong();
      if (seq <= lastSeq) {
        continue;
      }
      lastSeq = seq;
      String action = HistoryActions.canonical(entry.path("action").asText());
      if (!QUIET.contains(action)) {
        int phase = entry.path("phase").asInt(-1);
        out.printf(
            ROW,
            TerminalText.escape(entry.path("at").asText()),
            TerminalText.escape(action),
            phase >= 0 && phase <= plan.lastPhase() ? plan.phases().get(phase).name() : "-",
            exposure(plan.exposureAt(phase)),
            TerminalText.escape(entry.path("reason").asText("-")));
      }
    }
    out.flush();
  }

  static String exposure(Exposure exposure) {
    String percent = Percent.format(exposure.basisPoints());
    return exposure.audiences().isEmpty()
        ? percent
        : percent + " + " + String.join(", ", exposure.audiences());
  }
}
