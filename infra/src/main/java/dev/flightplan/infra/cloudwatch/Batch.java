package dev.flightplan.infra.cloudwatch;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/** The queries of one GetMetricData call (with its pages): all share one time range. */
record Batch(QueryWindow window, List<PlannedQuery> queries) {

  Batch {
    queries = List.copyOf(queries);
  }

  long datapoints() {
    return queries.stream().mapToLong(PlannedQuery::datapoints).sum();
  }

  /** The request for one page; {@code nextToken} is null for the first. */
  GetMetricDataRequest request(String nextToken) {
    return GetMetricDataRequest.builder()
        .startTime(window.start())
        .endTime(window.end())
        .scanBy(ScanBy.TIMESTAMP_ASCENDING)
        .metricDataQueries(queries.stream().map(PlannedQuery::query).toList())
        .nextToken(nextToken)
        .build();
  }
}
