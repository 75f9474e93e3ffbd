package dev.flightplan.examples.flagapp;

import dev.flightplan.client.FlagClient;
import dev.flightplan.client.FlagClientBuilder;
import dev.flightplan.metrics.VariantMetrics;
import dev.flightplan.metrics.VariantMetricsBuilder;
import dev.flightplan.openfeature.FlightplanProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An application behind a Flightplan flag: it evaluates the flag in process through OpenFeature,
 * serves requests from both variants, and reports them as per-variant EMF metrics, which the plan's
 * gates read. Every ten seconds (by default) it prints the candidate's share of its users, so a
 * rollout can be watched from the application's side. See the README, "Evaluate flags in your
 * application".
 */
public final class FlagApp {
  private FlagApp() {}

  public static void main(String[] args) throws InterruptedException {
    Settings settings = Settings.from(System.getenv());
    run(
        settings,
        FlagClient.builder(),
        VariantMetrics.builder(settings.namespace(), settings.service()),
        System.out);
  }

  /** Runs with the given builders, which read the environment unless told otherwise. */
  static void run(
      Settings settings,
      FlagClientBuilder flagClient,
      VariantMetricsBuilder variantMetrics,
      PrintStream out)
      throws InterruptedException {
    OpenFeatureAPI openFeature = OpenFeatureAPI.getInstance();
    // Once per process: the provider owns the client and its one refresh thread.
    try {
      openFeature.setProviderAndWait(
          new FlightplanProvider(flagClient.pollInterval(settings.pollInterval())));
    } catch (OpenFeatureError notReadYet) {
      // The provider stays set: it answers defaults (baseline) and turns READY on its first read.
      out.println("flag-app: " + notReadYet.getMessage() + "; serving the baseline until then");
    }
    Client flags = openFeature.getClient("flag-app");
    try (VariantMetrics metrics = variantMetrics.build()) {
      Shop shop = new Shop(flags, metrics, settings, System.nanoTime());
      out.printf(
          "flag-app: flag %s, %d users, %d requests/s, candidate errors %.1f%%%n",
          settings.flag(),
          settings.users(),
          settings.requestsPerSecond(),
          100 * settings.candidateErrorRate());
      serve(shop, settings, out);
    } finally {
      openFeature.shutdown();
    }
  }

  private static void serve(Shop shop, Settings settings, PrintStream out)
      throws InterruptedException {
    Instant end = settings.runFor().isZero() ? Instant.MAX : Instant.now().plus(settings.runFor());
    Instant nextReport = Instant.now();
    while (Instant.now().isBefore(end)) {
      if (!Instant.now().isBefore(nextReport)) {
        out.println(line(shop.share()));
        nextReport = nextReport.plus(settings.reportEvery());
      }
      for (int i = 0; i < settings.requestsPerSecond(); i++) {
        shop.serveOne();
      }
      Thread.sleep(1_000);
    }
  }

  /** {@code 12:00:10 candidate 512/10000 users (5.1%) SPLIT rollout checkout-v2}. */
  static String line(Shop.Share share) {
    var sample = share.sample();
    String rollout =
        sample.getFlagMetadata() == null ? null : sample.getFlagMetadata().getString("rolloutId");
    return String.format(
        Locale.ROOT,
        "%s  candidate %5d/%d users (%5.1f%%)  %-15s %s",
        LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
        share.candidates(),
        share.users(),
        share.percent(),
        sample.getReason(),
        rollout == null ? "(" + sample.getErrorCode() + ")" : "rollout " + rollout);
  }
}
