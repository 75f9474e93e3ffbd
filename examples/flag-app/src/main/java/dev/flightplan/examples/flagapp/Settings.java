package dev.flightplan.examples.flagapp;

import java.time.Duration;
import java.util.Map;

/**
 * What the example reads from its environment; every value has a default that matches {@code
 * examples/plans/flag-app.yaml}. The flag client and the metrics helper read their own settings
 * ({@code FLIGHTPLAN_FLAGS_TABLE}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code
 * AWS_EMF_AGENT_ENDPOINT}) from the same environment.
 *
 * @param flag the flag to evaluate ({@code FLAG})
 * @param namespace and {@code service}: where the metrics go ({@code NAMESPACE}, {@code SERVICE})
 * @param users how many distinct users there are ({@code USERS})
 * @param requestsPerSecond served each second, by users drawn at random ({@code RPS})
 * @param candidateErrorRate the share of the candidate's requests that fail ({@code
 *     CANDIDATE_ERRORS}); the baseline fails at {@link #BASELINE_ERROR_RATE}
 * @param pollInterval how often the flag client reads the flags table ({@code POLL})
 * @param runFor how long to run; zero runs until stopped ({@code RUN_FOR})
 * @param reportEvery how often to print the candidate's share ({@code REPORT})
 */
record Settings(
    String flag,
    String namespace,
    String service,
    int users,
    int requestsPerSecond,
    double candidateErrorRate,
    Duration pollInterval,
    Duration runFor,
    Duration reportEvery) {
  static final double BASELINE_ERROR_RATE = 0.005;

  static Settings from(Map<String, String> env) {
    return new Settings(
        env.getOrDefault("FLAG", "checkout-v2"),
        env.getOrDefault("NAMESPACE", "Shop"),
        env.getOrDefault("SERVICE", "checkout"),
        Integer.parseInt(env.getOrDefault("USERS", "10000")),
        Integer.parseInt(env.getOrDefault("RPS", "200")),
        Double.parseDouble(env.getOrDefault("CANDIDATE_ERRORS", "0.005")),
        Duration.parse("PT" + env.getOrDefault("POLL", "5s")),
        Duration.parse("PT" + env.getOrDefault("RUN_FOR", "0s")),
        Duration.parse("PT" + env.getOrDefault("REPORT", "10s")));
  }
}
