package dev.flightplan.bench.flags;

import dev.flightplan.bench.flags.JmhScores.Score;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code scripts/bench-flags} prints from a {@code FlagEvaluationBenchmark} run: per
 * figure the time and bytes per call, its goal, and how many times faster than Unleash's {@code
 * isEnabled} it is. A figure the run did not measure (its module missing) says so.
 */
public final class ComparisonTable {
  static final String UNLEASH = "unleash";

  /** What a figure should reach; a null bound has no goal. */
  record Goal(Double maxNanos, Double maxBytes, Double minTimesFaster) {
    static final Goal DIRECT = new Goal(50.0, 0.0, 100.0);
    static final Goal OPEN_FEATURE = new Goal(1_000.0, 1_024.0, 8.0);
    static final Goal ALLOCATION_FREE = new Goal(null, 0.0, null);
    static final Goal NONE = new Goal(null, null, null);
  }

  /** One row: its label and the benchmark method that measures it. */
  record Figure(String label, String method, Goal goal) {}

  static final List<Figure> FIGURES =
      List.of(
          new Figure(
              "Flightplan `FlagEvaluator.isEnabled`, shared code",
              "flightplanEvaluator",
              Goal.DIRECT),
          new Figure("Flightplan `FlagClient.isEnabled` (direct)", "flightplanClient", Goal.DIRECT),
          new Figure(
              "OpenFeature `getBooleanValue`, Flightplan provider",
              "openFeature",
              Goal.OPEN_FEATURE),
          new Figure("… context built in the call", "openFeatureContextPerCall", Goal.NONE),
          new Figure("… the SDK alone: no-op provider, no hooks", "openFeatureSdkOnly", Goal.NONE),
          new Figure(
              "… the provider alone: `getBooleanEvaluation`",
              "flightplanProvider",
              Goal.ALLOCATION_FREE),
          new Figure("Unleash `isEnabled`, prepared context", UNLEASH, Goal.NONE),
          new Figure(
              "Unleash `isEnabled`, context built in the call",
              "unleashContextPerCall",
              Goal.NONE));

  private ComparisonTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ComparisonTable <JMH result file, -rf json>");
      System.exit(2);
    }
    print(JmhScores.read(Path.of(args[0])), System.out);
  }

  static void print(JmhScores scores, PrintStream out) {
    for (String line : lines(scores)) {
      out.println(line);
    }
  }

  static List<String> lines(JmhScores scores) {
    List<String> lines = new ArrayList<>();
    lines.add("| figure | measured | goal | vs Unleash |");
    lines.add("|---|---|---|---|");
    Score unleash = scores.of(UNLEASH).orElse(null);
    for (Figure figure : FIGURES) {
      lines.add(row(figure, scores.of(figure.method()).orElse(null), unleash));
    }
    lines.add("");
    lines.add(
        "One JMH run (`-prof gc`), average time per call ± JMH's 99.9 % interval; "
            + scores.jvm()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores available.");
    return lines;
  }

  static String row(Figure figure, Score score, Score unleash) {
    if (score == null) {
      return cells(figure.label(), "not measured in this run", goal(figure.goal(), null), "");
    }
    // A single measured iteration has no interval: its error is NaN.
    String measured =
        Quantities.time(score.nanos(), score.error()) + ", " + Quantities.bytes(score.bytes());
    return cells(
        figure.label(), measured, goal(figure.goal(), score), ratio(figure, score, unleash));
  }

  private static String goal(Goal goal, Score score) {
    List<String> parts = new ArrayList<>();
    if (goal.maxNanos() != null) {
      parts.add(
          "≤ "
              + Quantities.time(goal.maxNanos())
              + mark(score, score == null || score.nanos() <= goal.maxNanos()));
    }
    if (goal.maxBytes() != null) {
      boolean met = score == null || Quantities.roundedBytes(score.bytes()) <= goal.maxBytes();
      parts.add(
          (goal.maxBytes() == 0 ? "0 B/op" : "≤ " + Quantities.bytes(goal.maxBytes()))
              + mark(score, met));
    }
    return String.join(", ", parts);
  }

  private static String ratio(Figure figure, Score score, Score unleash) {
    if (unleash == null) {
      return "";
    }
    if (figure.method().equals(UNLEASH)) {
      return "baseline";
    }
    if (figure.method().startsWith(UNLEASH)) {
      return "";
    }
    double times = unleash.nanos() / score.nanos();
    String ratio = Quantities.times(times);
    Double goal = figure.goal().minTimesFaster();
    if (goal == null) {
      return ratio;
    }
    return ratio + String.format(Locale.ROOT, " (goal ≥ %.0f×)", goal) + mark(score, times >= goal);
  }

  private static String mark(Score score, boolean met) {
    if (score == null) {
      return "";
    }
    return met ? " ✓" : " ✗";
  }

  private static String cells(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }
}
