package dev.flightplan.cli.local;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault the traffic simulator injects into the candidate from a named phase on: {@code
 * error-rate=8%@standard-5} (the candidate fails 8 % of its requests) or {@code latency=2x@beta}
 * (its latency doubles).
 *
 * @param amount the error rate as a fraction, or the latency factor
 */
record Fault(Kind kind, double amount, String phase) {
  private static final Pattern SYNTAX =
      Pattern.compile("(error-rate|latency)=([0-9]+(?:\\.[0-9]+)?)(%|x)@([a-z0-9][a-z0-9._-]*)");

  enum Kind {
    ERROR_RATE,
    LATENCY
  }

  /** Parses the {@code --fault} syntax; the message says what is expected. */
  static Fault parse(String text) {
    Matcher m = SYNTAX.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "fault '" + text + "' is not error-rate=<percent>%@<phase> or latency=<factor>x@<phase>");
    }
    double amount = Double.parseDouble(m.group(2));
    if (m.group(1).equals("error-rate")) {
      if (!m.group(3).equals("%") || amount > 100) {
        throw new IllegalArgumentException(
            "fault '" + text + "': an error rate is a percent from 0% to 100%");
      }
      return new Fault(Kind.ERROR_RATE, amount / 100, m.group(4));
    }
    if (!m.group(3).equals("x") || amount <= 0) {
      throw new IllegalArgumentException(
          "fault '" + text + "': a latency fault is a factor above 0, such as 2x");
    }
    return new Fault(Kind.LATENCY, amount, m.group(4));
  }

  @Override
  public String toString() {
    String what =
        kind == Kind.ERROR_RATE
            ? "candidate error rate " + Math.round(amount * 10_000) / 100.0 + "%"
            : "candidate latency x" + amount;
    return what + " from phase " + phase + " on";
  }
}
