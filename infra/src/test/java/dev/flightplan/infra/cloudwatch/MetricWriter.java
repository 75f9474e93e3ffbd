package dev.flightplan.infra.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/** Writes test datapoints with PutMetricData, the way a service publishes them. */
final class MetricWriter {
  private final CloudWatchClient cloudWatch;
  private final List<MetricDatum> pending = new ArrayList<>();
  private String namespace;

  MetricWriter(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** A counter's minute: {@code sum} over {@code count} samples (as AWS/Lambda publishes). */
  MetricWriter statistics(
      String ns, String metric, Map<String, String> dims, Instant at, double sum, double count) {
    double mean = count > 0 ? sum / count : 0;
    StatisticSet stats =
        StatisticSet.builder().sum(sum).sampleCount(count).minimum(mean).maximum(mean).build();
    return add(ns, datum(metric, dims, at).statisticValues(stats).build());
  }

  /** Raw observations: each value seen {@code counts[i]} times. */
  MetricWriter values(
      String ns,
      String metric,
      Map<String, String> dims,
      Instant at,
      List<Double> values,
      List<Double> counts) {
    return add(ns, datum(metric, dims, at).values(values).counts(counts).build());
  }

  /**
   * Dimensions in the order given. moto matches dimension lists only in the same order (its sort of
   * dimensions is broken), so tests list them in the plan's order, which is the order queried.
   */
  static Map<String, String> dims(String... namesAndValues) {
    Map<String, String> dims = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      dims.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return dims;
  }

  void flush() {
    // PutMetricData takes up to 1,000 datums of one namespace per call.
    for (int from = 0; from < pending.size(); from += 1_000) {
      List<MetricDatum> chunk = pending.subList(from, Math.min(pending.size(), from + 1_000));
      cloudWatch.putMetricData(r -> r.namespace(namespace).metricData(chunk));
    }
    pending.clear();
  }

  private MetricWriter add(String ns, MetricDatum datum) {
    if (namespace != null && !namespace.equals(ns)) {
      flush();
    }
    namespace = ns;
    pending.add(datum);
    return this;
  }

  private static MetricDatum.Builder datum(String metric, Map<String, String> dims, Instant at) {
    List<Dimension> dimensions =
        dims.entrySet().stream()
            .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
            .toList();
    return MetricDatum.builder().metricName(metric).dimensions(dimensions).timestamp(at);
  }
}
