package dev.flightplan.core.simulate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks the rows of a trace one by one, collecting the good ones and every error. */
final class TraceRows {
  private static final int MAX_ERRORS = 20;
  private static final String COLUMNS = String.join(",", TraceReader.HEADER);

  private final Trace.Builder trace = Trace.builder();
  private final Map<String, Integer> seenAt = new HashMap<>();
  private final List<TraceError> errors = new ArrayList<>();
  private int unlisted;
  private int lastUnlistedLine;
  private boolean headerSeen;

  void header(int line, List<String> cells) {
    headerSeen = true;
    if (!cells.equals(TraceReader.HEADER)) {
      error(line, 0, "the header is `" + String.join(",", cells) + "`", "start with " + COLUMNS);
    }
  }

  void row(int line, List<String> cells) {
    if (cells.size() != TraceReader.HEADER.size()) {
      error(line, 0, "has " + cells.size() + " columns, not 5", "write " + COLUMNS);
      return;
    }
    int before = errors.size();
    Instant at = timestamp(line, cells.get(0));
    String metric = metric(line, cells.get(1));
    String variant = variant(line, cells.get(2));
    double value = value(line, cells.get(3));
    long samples = samples(line, cells.get(4));
    if (errors.size() == before) {
      add(line, metric, variant, at, new TracePoint(value, samples));
    }
  }

  void syntax(int line, String problem) {
    error(line, 0, problem, "fix the CSV syntax; the trace was not read further");
  }

  Trace trace() {
    if (!headerSeen) {
      error(1, 0, "the trace is empty", "start with the header " + COLUMNS);
    }
    Trace built = trace.build();
    if (errors.isEmpty() && built.isEmpty()) {
      error(2, 0, "the trace has a header but no rows", "add one row per metric, variant, period");
    }
    if (unlisted > 0) {
      errors.add(
          new TraceError(
              lastUnlistedLine,
              0,
              "and " + unlisted + " more " + (unlisted == 1 ? "error" : "errors") + " up to here",
              "fix the ones above and read it again"));
    }
    if (!errors.isEmpty()) {
      throw new TraceException(errors);
    }
    return built;
  }

  private void add(int line, String metric, String variant, Instant at, TracePoint point) {
    String key = metric + "|" + variant + "|" + at;
    Integer earlier = seenAt.putIfAbsent(key, line);
    if (earlier != null) {
      error(
          line,
          0,
          "repeats " + metric + " of " + variant + " at " + at + " from line " + earlier,
          "keep one row per metric, variant and period");
      return;
    }
    trace.put(metric, variant, at, point);
  }

  private Instant timestamp(int line, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      error(line, 1, "`" + text + "` is not an ISO-8601 timestamp", "write 2025-03-03T09:00:00Z");
      return null;
    }
  }

  private String metric(int line, String text) {
    if (text.isEmpty()) {
      error(line, 2, "the metric name is empty", "name the plan's metric, or a ratio's part");
    }
    return text;
  }

  private String variant(int line, String text) {
    if (!text.equals(Trace.CANDIDATE) && !text.equals(Trace.BASELINE)) {
      error(line, 3, "variant `" + text + "` is unknown", "write candidate or baseline");
    }
    return text;
  }

  private double value(int line, String text) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error(line, 4, "value `" + text + "` is not a number", "write a decimal like 0.25 or 120");
    return Double.NaN;
  }

  private long samples(int line, String text) {
    if (text.isEmpty()) {
      return TracePoint.UNKNOWN;
    }
    try {
      long samples = Long.parseLong(text);
      if (samples >= 0) {
        return samples;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error(
        line,
        5,
        "samples `" + text + "` is not a request count",
        "write 0 or more, or leave empty");
    return TracePoint.UNKNOWN;
  }

  /** Lists the first {@value #MAX_ERRORS} errors and counts the rest. */
  private void error(int line, int column, String message, String hint) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new TraceError(line, column, message, hint));
    } else {
      unlisted++;
      lastUnlistedLine = line;
    }
  }
}
