package dev.flightplan.functions;

import dev.flightplan.functions.observe.NoMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Powertools metrics that remember what each flush would have emitted. */
public final class RecordingMetrics extends NoMetrics {
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
}
