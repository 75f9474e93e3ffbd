package dev.flightplan.bench.tick;

import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.series.SeriesQuery;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A metrics source that keeps the wall time of its last {@code observe}: the metrics phase. */
final class TimedMetrics implements MetricsSource {
  private final MetricsSource delegate;
  private volatile long lastNanos;

  TimedMetrics(MetricsSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    long started = System.nanoTime();
    try {
      return delegate.observe(rollouts, now);
    } finally {
      lastNanos = System.nanoTime() - started;
    }
  }

  @Override
  public Map<String, SeriesReading> series(Rollout rollout, SeriesQuery query) {
    return delegate.series(rollout, query);
  }

  double lastSeconds() {
    return lastNanos / 1e9;
  }
}
