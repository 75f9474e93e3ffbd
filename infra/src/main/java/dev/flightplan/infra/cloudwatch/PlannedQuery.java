package dev.flightplan.infra.cloudwatch;

import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * One query of a tick: its id in the request ({@code q0}, {@code q1}… unique within the tick, so
 * within every call), what it reads, its time range, and the SDK query as it will be sent.
 */
record PlannedQuery(String id, QueryKey key, QueryWindow window, MetricDataQuery query) {

  /** Datapoints this query can return: what the 100,800-per-call cap counts. */
  long datapoints() {
    return window.datapoints(query.metricStat().period());
  }
}
