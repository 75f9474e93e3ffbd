package dev.flightplan.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Settings of {@link VariantMetrics}. Checked when {@link #build()} runs, so a misconfiguration
 * fails at start-up, never while serving.
 */
public final class VariantMetricsBuilder {
  /** CloudWatch's limits: 30 dimensions a metric, names of 255 and values of 1,024 characters. */
  static final int MAX_DIMENSIONS = 30;

  static final int MAX_NAME = 255;

  private static final Set<String> RESERVED =
      Set.of(
          "_aws",
          VariantMetrics.SERVICE_DIMENSION,
          VariantMetrics.VARIANT_DIMENSION,
          VariantMetrics.REQUESTS,
          VariantMetrics.ERRORS,
          VariantMetrics.LATENCY);

  final String namespace;
  final String service;
  final Map<String, String> dimensions = new LinkedHashMap<>();
  Duration flushInterval = Duration.ofMinutes(1);
  EmfOutput output;
  Clock clock = Clock.systemUTC();

  VariantMetricsBuilder(String namespace, String service) {
    this.namespace = text("namespace", namespace, MAX_NAME);
    this.service = text("service", service, VariantMetrics.MAX_DIMENSION_VALUE);
  }

  /** A dimension every document carries, after {@code Service} and {@code Variant}. */
  public VariantMetricsBuilder dimension(String name, String value) {
    text("dimension name", name, MAX_NAME);
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(
          "dimension `" + name + "` is taken by the metrics themselves; choose another name");
    }
    if (!dimensions.containsKey(name) && dimensions.size() + 2 >= MAX_DIMENSIONS) {
      throw new IllegalArgumentException("at most " + (MAX_DIMENSIONS - 2) + " fixed dimensions");
    }
    dimensions.put(name, text("dimension " + name, value, VariantMetrics.MAX_DIMENSION_VALUE));
    return this;
  }

  /**
   * How often a timer flushes, aligned to the clock (a minute: at every whole minute); it must
   * divide a minute into whole seconds. {@link Duration#ZERO} starts no timer: call {@link
   * VariantMetrics#flush()} yourself, e.g. at the end of each Lambda invocation. Default one
   * minute.
   */
  public VariantMetricsBuilder flushInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    long millis = interval.toMillis();
    boolean dividesAMinute = millis >= 1_000 && millis % 1_000 == 0 && 60_000 % millis == 0;
    if (!interval.isZero() && !dividesAMinute) {
      throw new IllegalArgumentException(
          "flush interval "
              + interval
              + " must divide a minute into whole seconds (1s, 10s, 30s, 1m…) or be zero");
    }
    this.flushInterval = interval;
    return this;
  }

  /** Where documents go; default {@link EmfOutput#fromEnvironment()}. */
  public VariantMetricsBuilder output(EmfOutput output) {
    this.output = Objects.requireNonNull(output, "output");
    return this;
  }

  /** Documents to any consumer, e.g. a logger. */
  public VariantMetricsBuilder output(Consumer<String> consumer) {
    return output(EmfOutput.of(consumer));
  }

  /** The clock that stamps documents and drives the timer; default the system clock (UTC). */
  public VariantMetricsBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Starts the timer, if any. */
  public VariantMetrics build() {
    return new VariantMetrics(this);
  }

  private static String text(String what, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + max + " characters, not blank: `" + value + "`");
    }
    return value;
  }
}
