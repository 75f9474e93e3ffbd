package dev.flightplan.infra.cloudwatch;

import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The datapoints one query returned, in time order, or why it could not be read. A failed series
 * has no points: it must never be mistaken for a quiet metric.
 */
record Series(NavigableMap<Instant, Double> points, String failure) {

  Series {
    points = Collections.unmodifiableNavigableMap(new TreeMap<>(points));
  }

  static Series of(NavigableMap<Instant, Double> points) {
    return new Series(points, null);
  }

  static Series failed(String failure) {
    return new Series(new TreeMap<>(), failure);
  }

  boolean isFailed() {
    return failure != null;
  }

  boolean isEmpty() {
    return points.isEmpty();
  }

  double sum() {
    return points.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  double[] values() {
    return points.values().stream().mapToDouble(Double::doubleValue).toArray();
  }
}
