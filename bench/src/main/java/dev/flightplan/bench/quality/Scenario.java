package dev.flightplan.bench.quality;

/**
 * One row of the report: a traffic profile with either no regression (A/A) or a regression of one
 * kind and factor, simulated {@code rollouts} times.
 *
 * @param kind null for A/A
 */
public record Scenario(TrafficProfile traffic, Regression.Kind kind, double factor, int rollouts) {

  public static Scenario healthy(TrafficProfile traffic, int rollouts) {
    return new Scenario(traffic, null, 1, rollouts);
  }

  public static Scenario regressed(
      TrafficProfile traffic, Regression.Kind kind, double factor, int rollouts) {
    return new Scenario(traffic, kind, factor, rollouts);
  }

  public boolean isHealthy() {
    return kind == null;
  }

  /** E.g. "1,000 rpm, 1% errors, latency p95 ×2"; stable, so it also keys the random streams. */
  public String label() {
    String cell =
        Formats.count(traffic.requestsPerMinute()) + " rpm, " + errorRateText() + " errors";
    return isHealthy() ? cell + ", A/A" : cell + ", " + kind.label() + " " + factorText();
  }

  public String errorRateText() {
    return Formats.percent(traffic.errorRate());
  }

  public String factorText() {
    return "×" + Formats.number(factor);
  }
}
