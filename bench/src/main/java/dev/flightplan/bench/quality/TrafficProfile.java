package dev.flightplan.bench.quality;

/**
 * The healthy traffic of one report cell, the same for both variants.
 *
 * @param requestsPerMinute mean requests per minute per variant, whatever percent is exposed
 * @param errorRate the share of requests that fail, e.g. 0.01
 */
public record TrafficProfile(double requestsPerMinute, double errorRate) {
  public TrafficProfile {
    if (!(requestsPerMinute > 0)) {
      throw new IllegalArgumentException("requestsPerMinute must be > 0: " + requestsPerMinute);
    }
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be in [0, 1]: " + errorRate);
    }
  }
}
