package dev.flightplan.metrics;

import dev.flightplan.evaluation.FlagEvaluation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records, per request, the variant served and how it went, and writes it as CloudWatch Embedded
 * Metric Format with the dimensions a plan's {@code ${variant}} resolves to: namespace of your
 * choice, dimensions {@code Service}, {@code Variant} ({@code candidate} or {@code baseline}) and
 * any fixed ones, metrics {@code Requests}, {@code Errors} (Count) and {@code Latency}
 * (Milliseconds).
 *
 * <p>Requests are counted in memory and written as one document per variant per flush (more when
 * latencies spread over more than 100 buckets), on a timer aligned to the minute ({@link
 * VariantMetricsBuilder#flushInterval}) or when the application calls {@link #flush()}, e.g. at the
 * end of each Lambda invocation. {@link #record} takes no lock and never throws; thread-safe
 * throughout.
 */
public final class VariantMetrics implements AutoCloseable {
  public static final String SERVICE_DIMENSION = "Service";
  public static final String VARIANT_DIMENSION = "Variant";
  public static final String REQUESTS = "Requests";
  public static final String ERRORS = "Errors";
  public static final String LATENCY = "Latency";

  /** Variants other than candidate and baseline kept apart at most; more are dropped. */
  static final int MAX_OTHER_VARIANTS = 16;

  static final int MAX_DIMENSION_VALUE = 1_024;

  private final VariantRecorder candidate =
      new VariantRecorder(FlagEvaluation.Variant.CANDIDATE.wireName());
  private final VariantRecorder baseline =
      new VariantRecorder(FlagEvaluation.Variant.BASELINE.wireName());
  private final ConcurrentMap<String, VariantRecorder> others = new ConcurrentHashMap<>();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder failedDocuments = new LongAdder();
  private final EmfWriter writer;
  private final EmfOutput output;
  private final Clock clock;
  private final FlushTimer timer;
  private boolean closed;

  VariantMetrics(VariantMetricsBuilder builder) {
    this.writer = new EmfWriter(builder.namespace, builder.service, builder.dimensions);
    this.output = builder.output != null ? builder.output : EmfOutput.fromEnvironment();
    this.clock = builder.clock;
    this.timer =
        builder.flushInterval.isZero()
            ? null
            : new FlushTimer(builder.flushInterval, clock, this::flushAt);
  }

  /**
   * Metrics in {@code namespace} for the service {@code service} (the {@code Service} dimension).
   */
  public static VariantMetricsBuilder builder(String namespace, String service) {
    return new VariantMetricsBuilder(namespace, service);
  }

  /** One request served {@code variant}, taking {@code latencyMillis}, failed or not. */
  public void record(FlagEvaluation.Variant variant, double latencyMillis, boolean error) {
    if (variant == FlagEvaluation.Variant.CANDIDATE) {
      candidate.record(latencyMillis, error);
    } else if (variant == FlagEvaluation.Variant.BASELINE) {
      baseline.record(latencyMillis, error);
    } else {
      dropped.increment();
    }
  }

  /**
   * As {@link #record(FlagEvaluation.Variant, double, boolean)} with the variant's name: {@code
   * candidate} or {@code baseline}, or another value of the {@code Variant} dimension (at most
   * {@value #MAX_OTHER_VARIANTS} others, each at most 1,024 characters; beyond, requests are
   * dropped and counted in {@link #dropped()}).
   */
  public void record(String variant, double latencyMillis, boolean error) {
    VariantRecorder recorder = recorder(variant);
    if (recorder == null) {
      dropped.increment();
    } else {
      recorder.record(latencyMillis, error);
    }
  }

  /** Requests that were not recorded: a null variant, or one past the limits. */
  public long dropped() {
    return dropped.sum();
  }

  /** Documents the output could not take (it threw). */
  public long failedDocuments() {
    return failedDocuments.sum();
  }

  /** Writes what was recorded since the last flush, stamped with the current time. */
  public void flush() {
    flushAt(clock.millis());
  }

  /** Stops the timer, flushes what is left and closes the output. Later records are not sent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (timer != null) {
      timer.stop();
    }
    flushAt(clock.millis());
    try {
      output.close();
    } catch (Exception e) {
      failedDocuments.increment();
    }
  }

  synchronized void flushAt(long timestampMillis) {
    List<VariantRecorder> all = new ArrayList<>(2 + others.size());
    all.add(candidate);
    all.add(baseline);
    all.addAll(others.values());
    for (VariantRecorder recorder : all) {
      VariantRecorder.Drained drained = recorder.drain();
      if (drained.requests() > 0) {
        writer.documents(drained, timestampMillis).forEach(this::emit);
      }
    }
  }

  private void emit(String document) {
    try {
      output.accept(document);
    } catch (RuntimeException e) {
      failedDocuments.increment();
    }
  }

  /** The recorder of a named variant; null when it is null or past the limits. */
  private VariantRecorder recorder(String variant) {
    if (variant == null) {
      return null;
    }
    if (variant.equals(candidate.variant())) {
      return candidate;
    }
    if (variant.equals(baseline.variant())) {
      return baseline;
    }
    VariantRecorder other = others.get(variant);
    if (other == null
        && !variant.isEmpty()
        && variant.length() <= MAX_DIMENSION_VALUE
        && others.size() < MAX_OTHER_VARIANTS) {
      other = others.computeIfAbsent(variant, VariantRecorder::new);
    }
    return other;
  }
}
