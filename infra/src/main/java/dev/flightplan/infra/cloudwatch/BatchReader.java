package dev.flightplan.infra.cloudwatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Runs one batch, following {@code NextToken} until the last page, and merges each query's pages
 * into one series. A query whose status is {@code InternalError} or {@code Forbidden}, or still
 * {@code PartialData} on the last page, comes back failed; so does a query with no result at all.
 * SDK exceptions (throttling, 5xx, I/O) propagate: the caller fails the whole batch.
 */
final class BatchReader {
  /** Pages a call may take before it counts as runaway (a server repeating its token). */
  static final int MAX_PAGES = 1_000;

  private final Function<GetMetricDataRequest, GetMetricDataResponse> getMetricData;

  BatchReader(Function<GetMetricDataRequest, GetMetricDataResponse> getMetricData) {
    this.getMetricData = getMetricData;
  }

  /** The series of every query of the batch, by query id. */
  Map<String, Series> read(Batch batch) {
    Map<String, Merged> byId = new HashMap<>();
    String token = null;
    int pages = 0;
    do {
      if (++pages > MAX_PAGES) {
        return failAll(batch, "GetMetricData still paging after " + MAX_PAGES + " pages");
      }
      GetMetricDataResponse page = getMetricData.apply(batch.request(token));
      token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
      boolean last = token == null;
      for (MetricDataResult result : page.metricDataResults()) {
        byId.computeIfAbsent(result.id(), id -> new Merged()).add(result, last);
      }
    } while (token != null);
    Map<String, Series> series = new HashMap<>();
    for (PlannedQuery query : batch.queries()) {
      Merged merged = byId.get(query.id());
      series.put(
          query.id(),
          merged == null ? Series.failed("CloudWatch returned no result") : merged.series());
    }
    return series;
  }

  private static Map<String, Series> failAll(Batch batch, String failure) {
    return batch.queries().stream()
        .collect(Collectors.toMap(PlannedQuery::id, q -> Series.failed(failure)));
  }

  /** One query's datapoints across pages, and the first failure seen. */
  private static final class Merged {
    private final TreeMap<Instant, Double> points = new TreeMap<>();
    private String failure;

    void add(MetricDataResult result, boolean lastPage) {
      List<Instant> timestamps = result.timestamps();
      List<Double> values = result.values();
      for (int i = 0; i < Math.min(timestamps.size(), values.size()); i++) {
        points.put(timestamps.get(i), values.get(i));
      }
      StatusCode status = result.statusCode();
      boolean bad =
          status == StatusCode.INTERNAL_ERROR
              || status == StatusCode.FORBIDDEN
              || status == StatusCode.UNKNOWN_TO_SDK_VERSION
              || (status == StatusCode.PARTIAL_DATA && lastPage);
      if (bad && failure == null) {
        failure = "CloudWatch answered " + result.statusCodeAsString() + messages(result);
      }
    }

    Series series() {
      return failure != null ? Series.failed(failure) : Series.of(points);
    }

    private static String messages(MetricDataResult result) {
      if (!result.hasMessages() || result.messages().isEmpty()) {
        return "";
      }
      return result.messages().stream()
          .map(MessageData::value)
          .collect(Collectors.joining("; ", ": ", ""));
    }
  }
}
