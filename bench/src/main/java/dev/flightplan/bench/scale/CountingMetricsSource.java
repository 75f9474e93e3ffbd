package dev.flightplan.bench.scale;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scale test's metrics, in this process: every metric of every rollout reads healthy (0.1 %
 * errors over 10,000 requests for both variants) at once, without CloudWatch, and every rollout the
 * tick asks about is counted. The tick observes each active rollout it evaluates exactly once, so
 * the counts say which rollouts a tick evaluated, and how often.
 */
final class CountingMetricsSource implements MetricsSource {
  private static final VariantSample HEALTHY = VariantSample.ratio(10, 10_000, new double[0]);

  private final Map<String, AtomicInteger> observed = new ConcurrentHashMap<>();

  @Override
  public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    Map<String, Observations> result = new HashMap<>();
    for (Rollout rollout : rollouts) {
      observed.computeIfAbsent(rollout.id(), id -> new AtomicInteger()).incrementAndGet();
      Map<String, MetricReading> readings = new HashMap<>();
      for (String metric : rollout.plan().metrics().keySet()) {
        readings.put(metric, new MetricReading.Values(HEALTHY, HEALTHY));
      }
      result.put(rollout.id(), new Observations(now, readings));
    }
    return result;
  }

  /** How often each rollout was observed. */
  Map<String, Integer> counts() {
    Map<String, Integer> counts = new HashMap<>();
    observed.forEach((id, count) -> counts.put(id, count.get()));
    return counts;
  }

  int total() {
    return observed.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
