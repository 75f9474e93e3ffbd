package dev.flightplan.examples.flagapp;

import dev.flightplan.metrics.VariantMetrics;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import java.util.SplittableRandom;

/**
 * A service behind a flag: each request asks OpenFeature which variant its user sees, "serves" it
 * (a made-up latency and outcome), and reports both to the variant metrics, as a real handler would
 * around its work.
 */
final class Shop {
  private final Client flags;
  private final VariantMetrics metrics;
  private final Settings settings;
  private final SplittableRandom random;

  Shop(Client flags, VariantMetrics metrics, Settings settings, long seed) {
    this.flags = flags;
    this.metrics = metrics;
    this.settings = settings;
    this.random = new SplittableRandom(seed);
  }

  /** One request by a user drawn at random. */
  void serveOne() {
    String variant = variantOf(user(random.nextInt(settings.users())));
    boolean candidate = "candidate".equals(variant);
    double errorRate = candidate ? settings.candidateErrorRate() : Settings.BASELINE_ERROR_RATE;
    boolean failed = random.nextDouble() < errorRate;
    double latencyMillis = 60 + 40 * random.nextDouble();
    metrics.record(variant, latencyMillis, failed);
  }

  /** Which variant a user sees: {@code candidate} or {@code baseline} (also the default). */
  String variantOf(String user) {
    return flags.getStringValue(settings.flag(), "baseline", new ImmutableContext(user));
  }

  /** How many of all users see the candidate now, and the answer for the first one. */
  Share share() {
    int candidates = 0;
    for (int i = 0; i < settings.users(); i++) {
      if ("candidate".equals(variantOf(user(i)))) {
        candidates++;
      }
    }
    FlagEvaluationDetails<String> sample =
        flags.getStringDetails(settings.flag(), "baseline", new ImmutableContext(user(0)));
    return new Share(candidates, settings.users(), sample);
  }

  static String user(int i) {
    return "user-" + i;
  }

  /** The candidate's share of all users, with one evaluation's details for its reason. */
  record Share(int candidates, int users, FlagEvaluationDetails<String> sample) {
    double percent() {
      return 100.0 * candidates / users;
    }
  }
}
