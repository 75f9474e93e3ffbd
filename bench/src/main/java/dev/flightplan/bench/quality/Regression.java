package dev.flightplan.bench.quality;

/**
 * A change for the worse in the candidate from {@code onsetMinute} on (minutes since the rollout
 * started): its error rate or its latency multiplied by {@code factor}.
 */
public record Regression(Kind kind, double factor, int onsetMinute) {
  /** No regression: the candidate behaves as the baseline throughout. */
  public static final Regression NONE = new Regression(Kind.ERROR_RATE, 1, 0);

  public enum Kind {
    ERROR_RATE("error rate", "error_rate"),
    LATENCY("latency p95", "latency_p95");

    private final String label;
    private final String metric;

    Kind(String label, String metric) {
      this.label = label;
      this.metric = metric;
    }

    public String label() {
      return label;
    }

    /** The plan metric this regression shows in. */
    public String metric() {
      return metric;
    }
  }

  public Regression {
    if (!(factor >= 1)) {
      throw new IllegalArgumentException("a regression's factor is at least 1: " + factor);
    }
  }

  /** What the candidate's error rate is multiplied by in {@code minute}. */
  public double errorRateFactor(int minute) {
    return kind == Kind.ERROR_RATE && minute >= onsetMinute ? factor : 1;
  }

  /** What the candidate's latency is multiplied by in {@code minute}. */
  public double latencyFactor(int minute) {
    return kind == Kind.LATENCY && minute >= onsetMinute ? factor : 1;
  }
}
