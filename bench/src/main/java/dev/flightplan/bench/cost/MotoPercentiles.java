package dev.flightplan.bench.cost;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * moto answers a GetMetricData request that asks for any percentile with HTTP 500; this asks for
 * {@code Maximum} in its place, after the call was counted, so the request keeps its queries and
 * its metrics requested and only the server's arithmetic differs.
 */
final class MotoPercentiles implements ExecutionInterceptor {
  static final String STAND_IN = "Maximum";

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof GetMetricDataRequest request)) {
      return context.request();
    }
    return request.toBuilder()
        .metricDataQueries(
            request.metricDataQueries().stream().map(MotoPercentiles::served).toList())
        .build();
  }

  private static MetricDataQuery served(MetricDataQuery query) {
    if (query.metricStat() == null || !isPercentileLike(query.metricStat().stat())) {
      return query;
    }
    return query.toBuilder()
        .metricStat(query.metricStat().toBuilder().stat(STAND_IN).build())
        .build();
  }

  /** {@code p95}, {@code tm90}, {@code IQM}…: anything but the five basic statistics. */
  static boolean isPercentileLike(String stat) {
    return !java.util.Set.of("Average", "Sum", "SampleCount", "Minimum", "Maximum").contains(stat);
  }
}
