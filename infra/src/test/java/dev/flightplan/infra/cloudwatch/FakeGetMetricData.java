package dev.flightplan.infra.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * CloudWatch at the SDK boundary, for what moto cannot serve (percentiles, paging, limits, errors):
 * it records every request the source built with the SDK's request builders and answers with
 * responses built with the SDK's own model builders.
 */
final class FakeGetMetricData implements Function<GetMetricDataRequest, GetMetricDataResponse> {
  private final List<GetMetricDataRequest> requests = new ArrayList<>();
  private final Function<GetMetricDataRequest, GetMetricDataResponse> answer;

  private FakeGetMetricData(Function<GetMetricDataRequest, GetMetricDataResponse> answer) {
    this.answer = answer;
  }

  static FakeGetMetricData answering(Function<GetMetricDataRequest, GetMetricDataResponse> answer) {
    return new FakeGetMetricData(answer);
  }

  /** One datapoint per period of every query, valued by {@code value}. */
  static FakeGetMetricData withValues(ToDoubleFunction<MetricDataQuery> value) {
    return new FakeGetMetricData(request -> everyPeriod(request, value));
  }

  @Override
  public synchronized GetMetricDataResponse apply(GetMetricDataRequest request) {
    requests.add(request);
    return answer.apply(request);
  }

  synchronized List<GetMetricDataRequest> requests() {
    return List.copyOf(requests);
  }

  static GetMetricDataResponse everyPeriod(
      GetMetricDataRequest request, ToDoubleFunction<MetricDataQuery> value) {
    List<MetricDataResult> results = new ArrayList<>();
    for (MetricDataQuery query : request.metricDataQueries()) {
      results.add(result(request, query, value.applyAsDouble(query), StatusCode.COMPLETE));
    }
    return GetMetricDataResponse.builder().metricDataResults(results).build();
  }

  static MetricDataResult result(
      GetMetricDataRequest request, MetricDataQuery query, double value, StatusCode status) {
    List<Instant> timestamps = periodStarts(request, query);
    return MetricDataResult.builder()
        .id(query.id())
        .timestamps(timestamps)
        .values(timestamps.stream().map(t -> value).toList())
        .statusCode(status)
        .build();
  }

  /** Bucket starts from StartTime, one period apart, as CloudWatch returns them. */
  static List<Instant> periodStarts(GetMetricDataRequest request, MetricDataQuery query) {
    List<Instant> starts = new ArrayList<>();
    long period = query.metricStat().period();
    for (Instant t = request.startTime();
        t.isBefore(request.endTime());
        t = t.plusSeconds(period)) {
      starts.add(t);
    }
    return starts;
  }

  /** The value of one dimension of a query's metric, or null. */
  static String dimension(MetricDataQuery query, String name) {
    return query.metricStat().metric().dimensions().stream()
        .filter(d -> d.name().equals(name))
        .map(d -> d.value())
        .findFirst()
        .orElse(null);
  }

  static String stat(MetricDataQuery query) {
    return query.metricStat().stat();
  }

  static String metricName(MetricDataQuery query) {
    return query.metricStat().metric().metricName();
  }
}
