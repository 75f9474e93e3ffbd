package dev.flightplan.bench.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * The design example plan's metrics, healthy and alike for both variants, one point a minute: 0.1 %
 * errors of 10,000 invocations, latency 50 to 150 ms, quality 0.9. Far from every threshold, so the
 * gates pass and the rollouts advance when their bake ends. Dimensions are written in the plan's
 * order, the only order moto matches.
 */
final class HealthyTraffic {
  private static final List<String> VARIANTS = List.of("candidate", "baseline");
  private static final int BATCH = 100;

  private HealthyTraffic() {}

  static void put(CloudWatchClient cloudWatch, Instant from, Instant to) {
    List<MetricDatum> data = new ArrayList<>();
    for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofMinutes(1))) {
      for (String variant : VARIANTS) {
        data.add(datum("Errors", at, true, variant, stats(10, 10, 1, 1)));
        data.add(datum("Invocations", at, true, variant, stats(10_000, 10_000, 1, 1)));
        data.add(datum("Latency", at, false, variant, stats(10_000 * 80.0, 10_000, 50, 150)));
        data.add(datum("QualityScore", at, false, variant, stats(90, 100, 0.85, 0.95)));
      }
    }
    for (int i = 0; i < data.size(); i += BATCH) {
      List<MetricDatum> batch = data.subList(i, Math.min(data.size(), i + BATCH));
      cloudWatch.putMetricData(r -> r.namespace("Search").metricData(batch));
    }
  }

  private static MetricDatum datum(
      String metric, Instant at, boolean byService, String variant, StatisticSet stats) {
    List<Dimension> dimensions = new ArrayList<>();
    if (byService) {
      dimensions.add(Dimension.builder().name("Service").value("search").build());
    }
    dimensions.add(Dimension.builder().name("Variant").value(variant).build());
    return MetricDatum.builder()
        .metricName(metric)
        .dimensions(dimensions)
        .timestamp(at)
        .statisticValues(stats)
        .build();
  }

  private static StatisticSet stats(double sum, double count, double min, double max) {
    return StatisticSet.builder().sum(sum).sampleCount(count).minimum(min).maximum(max).build();
  }
}
