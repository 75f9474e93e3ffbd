package dev.flightplan.bench.tick;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * N running rollouts of the docs/design.md §2 example plan, due now, and an hour of data for its
 * metrics in CloudWatch. Three changes to the plan: {@code latency_p95} reads {@code Average} (moto
 * answers percentiles with HTTP 500); no window, so every gate is looked at whatever the day; and
 * no daily digest, which measures the digest (one history query per rollout once a day) rather than
 * the tick. Every rollout watches the same series: moto scans every stored datapoint for each
 * query, so a series per rollout would measure moto rather than the controller; the queries and
 * calls are one set per rollout all the same.
 */
final class TickSeeder {
  private static final Duration DATA = Duration.ofMinutes(60);

  private TickSeeder() {}

  static void rollouts(RolloutStore store, int n, Instant now) throws Exception {
    String yaml = plan();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Rollout>> created = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String id = String.format("rollout-%05d", i);
        created.add(pool.submit(() -> store.create(running(yaml, id, now), List.of())));
      }
      for (Future<Rollout> f : created) {
        f.get();
      }
    }
  }

  private static Rollout running(String yaml, String id, Instant now) {
    Plan plan = PlanReader.read(yaml.replace("rollout: new-search-algorithm", "rollout: " + id));
    RolloutState state =
        RolloutState.draft(now.minus(Duration.ofDays(3))).toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(2)
            .approvedPhase(1)
            .phaseStartedAt(now.minus(DATA))
            .nextEvaluationAt(now.minusSeconds(30))
            .build();
    return new Rollout(plan, state, 0);
  }

  /** A minute of healthy data per series for the last hour, both variants. */
  static void metrics(CloudWatchClient cloudWatch, Instant now) {
    List<MetricDatum> data = new ArrayList<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (Instant at = now.minus(DATA); at.isBefore(now); at = at.plusSeconds(60)) {
      for (String variant : List.of("candidate", "baseline")) {
        double invocations = 1_000 + random.nextInt(100);
        data.add(datum("Invocations", at, invocations, "Service", "search", variant));
        data.add(datum("Errors", at, invocations * 0.001, "Service", "search", variant));
        data.add(datum("Latency", at, 80 + random.nextInt(10), null, null, variant));
        data.add(datum("QualityScore", at, 0.9, null, null, variant));
      }
    }
    for (int from = 0; from < data.size(); from += 500) {
      List<MetricDatum> chunk = data.subList(from, Math.min(data.size(), from + 500));
      cloudWatch.putMetricData(r -> r.namespace("Search").metricData(chunk));
    }
  }

  /** Dimensions in the plan's order: moto matches dimension lists only in the order written. */
  private static MetricDatum datum(
      String metric, Instant at, double value, String name, String nameValue, String variant) {
    List<Dimension> dimensions = new ArrayList<>();
    if (name != null) {
      dimensions.add(Dimension.builder().name(name).value(nameValue).build());
    }
    dimensions.add(Dimension.builder().name("Variant").value(variant).build());
    return MetricDatum.builder()
        .metricName(metric)
        .dimensions(dimensions)
        .timestamp(at)
        .value(value)
        .build();
  }

  private static String plan() {
    try (InputStream in = TickSeeder.class.getResourceAsStream("/plans/good/design-example.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String plan =
          yaml.replace("stat: p95", "stat: Average")
              .replace("digest: daily", "digest: none")
              .lines()
              .filter(line -> !line.startsWith("window:"))
              .reduce("", (a, b) -> a + b + "\n");
      if (plan.contains("stat: p95") || plan.contains("window:") || plan.contains("daily")) {
        throw new IllegalStateException("the example plan changed; adapt the bench");
      }
      return plan;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
