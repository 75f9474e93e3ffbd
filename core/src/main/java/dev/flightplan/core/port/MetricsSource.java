package dev.flightplan.core.port;

import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads the metrics of many rollouts at once (one batch per tick). A metric that cannot be read
 * comes back as {@code MetricReading.Failed}, never as an exception and never as a pass.
 */
public interface MetricsSource {
  Map<String, Observations> observe(List<Rollout> rollouts, Instant now);
}
