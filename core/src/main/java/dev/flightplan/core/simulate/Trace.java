package dev.flightplan.core.simulate;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recorded metrics to replay: per metric name and variant, one point per period keyed by the
 * period's start. Build one with {@link TraceReader} or {@link Builder}.
 */
public final class Trace {
  public static final String CANDIDATE = "candidate";
  public static final String BASELINE = "baseline";

  private final Map<Key, NavigableMap<Instant, TracePoint>> series;
  private final Instant first;
  private final Instant last;

  private Trace(Map<Key, NavigableMap<Instant, TracePoint>> series) {
    this.series = series;
    TreeSet<Instant> times = new TreeSet<>();
    series.values().forEach(s -> times.addAll(s.keySet()));
    this.first = times.isEmpty() ? null : times.first();
    this.last = times.isEmpty() ? null : times.last();
  }

  /** The points of one metric and variant in time order; empty when the trace has none. */
  public NavigableMap<Instant, TracePoint> series(String metric, String variant) {
    NavigableMap<Instant, TracePoint> points = series.get(new Key(metric, variant));
    return points == null ? Collections.emptyNavigableMap() : points;
  }

  /** The start of the earliest period in the trace, or null for an empty trace. */
  public Instant first() {
    return first;
  }

  /** The start of the latest period in the trace, or null for an empty trace. */
  public Instant last() {
    return last;
  }

  public boolean isEmpty() {
    return first == null;
  }

  public Set<String> metrics() {
    Set<String> names = new TreeSet<>();
    series.keySet().forEach(k -> names.add(k.metric()));
    return names;
  }

  public static Builder builder() {
    return new Builder();
  }

  private record Key(String metric, String variant) {}

  /**
   * Collects points; a later point for the same metric, variant and period replaces the earlier.
   */
  public static final class Builder {
    private final Map<Key, NavigableMap<Instant, TracePoint>> series = new HashMap<>();

    /** Adds a point; returns the point it replaced, or null. */
    public TracePoint put(String metric, String variant, Instant at, TracePoint point) {
      return series.computeIfAbsent(new Key(metric, variant), k -> new TreeMap<>()).put(at, point);
    }

    public Builder add(String metric, String variant, Instant at, double value, long samples) {
      put(metric, variant, at, new TracePoint(value, samples));
      return this;
    }

    public Trace build() {
      Map<Key, NavigableMap<Instant, TracePoint>> copy = new HashMap<>();
      series.forEach((k, v) -> copy.put(k, Collections.unmodifiableNavigableMap(new TreeMap<>(v))));
      return new Trace(copy);
    }
  }
}
