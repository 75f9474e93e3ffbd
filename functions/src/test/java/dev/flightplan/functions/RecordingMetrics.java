package dev.flightplan.functions;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Powertools metrics that remember what each flush would have emitted. */
public final class RecordingMetrics implements Metrics {
  /** One metric value as added. */
  public record Value(double value, MetricUnit unit) {}

  private final List<Map<String, Value>> flushed = new ArrayList<>();
  private Map<String, Value> pending = new LinkedHashMap<>();

  /** What each flush carried, oldest first. */
  public List<Map<String, Value>> flushed() {
    return flushed;
  }

  /** The last flush. */
  public Map<String, Value> last() {
    return flushed.get(flushed.size() - 1);
  }

  @Override
  public void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
    pending.put(key, new Value(value, unit));
  }

  @Override
  public void flush() {
    flushed.add(pending);
    pending = new LinkedHashMap<>();
  }

  @Override
  public void addDimension(DimensionSet dimensionSet) {}

  @Override
  public void setTimestamp(Instant timestamp) {}

  @Override
  public void addMetadata(String key, Object value) {}

  @Override
  public void setDefaultDimensions(DimensionSet dimensionSet) {}

  @Override
  public DimensionSet getDefaultDimensions() {
    return new DimensionSet();
  }

  @Override
  public void setNamespace(String namespace) {}

  @Override
  public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {}

  @Override
  public void clearDefaultDimensions() {}

  @Override
  public void captureColdStartMetric(Context context, DimensionSet dimensions) {}

  @Override
  public void captureColdStartMetric(DimensionSet dimensions) {}

  @Override
  public void flushMetrics(Consumer<Metrics> metricsConsumer) {}
}
