package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.concurrent.BoundedParallel;
import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.ExposureEvidence;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.series.SeriesQuery;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;

/**
 * The metrics of every due rollout of a tick, read with as few GetMetricData calls as CloudWatch
 * allows (docs/design.md §2.3, §10): queries are planned per rollout, metric, variant and part
 * ({@link QueryPlanner}), packed into calls of at most 500 queries and 100,800 datapoints ({@link
 * Batcher}), sent with up to {@link #DEFAULT_CALLS_IN_FLIGHT} calls in flight, paged ({@link
 * BatchReader}) and assembled back into one reading per metric ({@link ReadingAssembler}). Each
 * metric is read over its {@link EvidenceWindow}: whole periods since the rollout's current
 * exposure settled, at most the lookback; while that window is empty the metric is {@code Missing}
 * and nothing is sent for it.
 *
 * <p>Nothing here throws: a call that fails (throttled, 5xx, I/O) makes every metric with a query
 * in that call {@code Failed}, and leaves the metrics read by other calls alone.
 */
public final class CloudWatchMetricsSource implements MetricsSource {
  /**
   * GetMetricData calls in flight at once. CloudWatch's default quota is 50 calls per second per
   * Region (adjustable) and 180,000 datapoints per second for ranges starting within 3 hours: 8
   * calls of a few hundred milliseconds each stay well under the first, and a throttled call is
   * retried by the SDK, then read as an error (which holds, never passes).
   */
  public static final int DEFAULT_CALLS_IN_FLIGHT = 8;

  private final BatchReader reader;
  private final int callsInFlight;

  public CloudWatchMetricsSource(CloudWatchClient cloudWatch) {
    this(cloudWatch::getMetricData);
  }

  /**
   * Reads through {@code getMetricData} instead of a client: the seam where tests hand in responses
   * built with the SDK's model builders, for what no local server can serve.
   */
  public CloudWatchMetricsSource(
      Function<GetMetricDataRequest, GetMetricDataResponse> getMetricData) {
    this(getMetricData, DEFAULT_CALLS_IN_FLIGHT);
  }

  /** As above, with at most {@code callsInFlight} GetMetricData calls at once (1: in turn). */
  public CloudWatchMetricsSource(
      Function<GetMetricDataRequest, GetMetricDataResponse> getMetricData, int callsInFlight) {
    if (callsInFlight < 1) {
      throw new IllegalArgumentException("calls in flight must be at least 1: " + callsInFlight);
    }
    this.reader = new BatchReader(getMetricData);
    this.callsInFlight = callsInFlight;
  }

  @Override
  public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    Map<QueryKey, Series> results = new HashMap<>();
    List<PlannedQuery> sendable = new ArrayList<>();
    for (PlannedQuery query : QueryPlanner.plan(rollouts, now)) {
      if (query.datapoints() > Batcher.MAX_DATAPOINTS) {
        results.put(query.key(), Series.failed(tooLong(query)));
      } else {
        sendable.add(query);
      }
    }
    BoundedParallel.map(Batcher.batches(sendable), callsInFlight, this::read)
        .forEach(results::putAll);
    Map<String, Observations> observations = new LinkedHashMap<>();
    for (Rollout rollout : rollouts) {
      observations.put(rollout.id(), new Observations(now, readings(rollout, results, now)));
    }
    return observations;
  }

  /**
   * One rollout's series in one GetMetricData call (with its pages): every query shares the range,
   * aligned to its period, so CloudWatch's buckets fall on period boundaries.
   */
  @Override
  public Map<String, SeriesReading> series(Rollout rollout, SeriesQuery query) {
    QueryWindow window = new QueryWindow(query.range().from(), query.range().to());
    long period = query.range().period().toSeconds();
    List<PlannedQuery> queries = QueryPlanner.planSeries(rollout, query.metrics(), window, period);
    Map<QueryKey, Series> results = new HashMap<>();
    if (queries.size() > Batcher.MAX_QUERIES) {
      Series failed = Series.failed(queries.size() + " queries; one call takes at most 500");
      queries.forEach(q -> results.put(q.key(), failed));
    } else if (!queries.isEmpty()) {
      results.putAll(read(new Batch(window, queries)));
    }
    Map<String, SeriesReading> readings = new LinkedHashMap<>();
    for (MetricSpec spec : query.metrics()) {
      readings.put(
          spec.name(), SeriesAssembler.reading(rollout.id(), spec, spec.hasVariants(), results));
    }
    return readings;
  }

  private static Map<String, MetricReading> readings(
      Rollout rollout, Map<QueryKey, Series> results, Instant now) {
    ExposureEvidence exposure = ExposureEvidence.of(rollout);
    Map<String, MetricReading> readings = new LinkedHashMap<>();
    for (MetricSpec spec : rollout.plan().metrics().values()) {
      if (exposure.window(spec, now).isEmpty()) {
        readings.put(spec.name(), exposure.notYet(spec));
        continue;
      }
      var variants = QueryPlanner.variants(rollout.plan().target(), spec);
      readings.put(spec.name(), ReadingAssembler.reading(rollout.id(), spec, variants, results));
    }
    return readings;
  }

  /** The series of one batch by query key; a failed call fails every query in it. */
  private Map<QueryKey, Series> read(Batch batch) {
    Map<QueryKey, Series> byKey = new HashMap<>();
    try {
      Map<String, Series> byId = reader.read(batch);
      batch.queries().forEach(q -> byKey.put(q.key(), byId.get(q.id())));
    } catch (RuntimeException e) {
      Series failed = Series.failed(describe(e));
      batch.queries().forEach(q -> byKey.put(q.key(), failed));
    }
    return byKey;
  }

  static String describe(RuntimeException e) {
    if (e instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      String what = service.isThrottlingException() ? "throttled" : "failed";
      return "GetMetricData "
          + what
          + " ("
          + (code == null ? "" : code + ", ")
          + "HTTP "
          + service.statusCode()
          + ")";
    }
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return "GetMetricData failed: " + message;
  }

  private static String tooLong(PlannedQuery query) {
    return "the lookback needs "
        + query.datapoints()
        + " datapoints per query; GetMetricData returns at most "
        + Batcher.MAX_DATAPOINTS
        + " per call";
  }
}
