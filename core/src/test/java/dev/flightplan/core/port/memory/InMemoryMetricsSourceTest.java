package dev.flightplan.core.port.memory;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.MetricsSourceContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory source serves readings set by hand, not datapoints; {@code record} sums what it is
 * given into the reading the source then serves. The lookback is not modelled here: the contract
 * records inside it only, and CloudWatch's run checks the window.
 */
class InMemoryMetricsSourceTest extends MetricsSourceContract {
  private final InMemoryMetricsSource source = new InMemoryMetricsSource();
  private final Map<List<String>, List<double[]>> recorded = new HashMap<>();

  @Override
  protected MetricsSource source() {
    return source;
  }

  @Override
  protected void record(
      String rolloutId,
      String metric,
      String variant,
      Instant at,
      double numerator,
      double denominator) {
    add(rolloutId, metric, variant, new double[] {numerator, denominator});
    source.set(rolloutId, metric, reading(rolloutId, metric, true));
  }

  @Override
  protected void recordValue(
      String rolloutId, String metric, String variant, Instant at, double value) {
    add(rolloutId, metric, variant, new double[] {value});
    source.set(rolloutId, metric, reading(rolloutId, metric, false));
  }

  @Override
  protected void breakIt() {
    source.failWith("provider outage");
  }

  private void add(String rolloutId, String metric, String variant, double[] period) {
    recorded
        .computeIfAbsent(List.of(rolloutId, metric, variant), k -> new ArrayList<>())
        .add(period);
  }

  private MetricReading reading(String rolloutId, String metric, boolean ratio) {
    VariantSample candidate = sample(List.of(rolloutId, metric, CANDIDATE), ratio);
    if (candidate == null) {
      return new MetricReading.Missing("no candidate data");
    }
    return new MetricReading.Values(candidate, sample(List.of(rolloutId, metric, BASELINE), ratio));
  }

  private VariantSample sample(List<String> key, boolean ratio) {
    List<double[]> periods = recorded.get(key);
    if (periods == null) {
      return null;
    }
    double[] points = periods.stream().mapToDouble(p -> ratio ? p[0] / p[1] : p[0]).toArray();
    double first = periods.stream().mapToDouble(p -> p[0]).sum();
    if (!ratio) {
      return VariantSample.of(first, periods.size(), points);
    }
    return VariantSample.ratio(first, periods.stream().mapToDouble(p -> p[1]).sum(), points);
  }
}
