package dev.flightplan.infra.cloudwatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs queries into as few GetMetricData calls as CloudWatch allows: at most 500 queries and
 * 100,800 datapoints per call. A call has one StartTime and EndTime, so queries are first grouped
 * by their aligned time range (metrics with the same period and lookback share one once their
 * exposure is older than the lookback; a newer exposure starts its range at a later period
 * boundary, so a period and lookback give at most one range per period of the lookback); within a
 * group they fill calls in plan order, so a tick of N rollouts with Q queries each in one range
 * takes exactly ⌈N·Q/500⌉ calls when the datapoint cap does not bind.
 */
final class Batcher {
  static final int MAX_QUERIES = 500;
  static final long MAX_DATAPOINTS = 100_800;

  private Batcher() {}

  /** Queries over {@link #MAX_DATAPOINTS} on their own are not sendable; filter them first. */
  static List<Batch> batches(List<PlannedQuery> queries) {
    Map<QueryWindow, List<PlannedQuery>> byWindow = new LinkedHashMap<>();
    for (PlannedQuery query : queries) {
      byWindow.computeIfAbsent(query.window(), w -> new ArrayList<>()).add(query);
    }
    List<Batch> batches = new ArrayList<>();
    byWindow.forEach((window, group) -> pack(window, group, batches));
    return batches;
  }

  private static void pack(QueryWindow window, List<PlannedQuery> group, List<Batch> batches) {
    List<PlannedQuery> current = new ArrayList<>();
    long datapoints = 0;
    for (PlannedQuery query : group) {
      boolean full =
          current.size() == MAX_QUERIES || datapoints + query.datapoints() > MAX_DATAPOINTS;
      if (full && !current.isEmpty()) {
        batches.add(new Batch(window, current));
        current = new ArrayList<>();
        datapoints = 0;
      }
      current.add(query);
      datapoints += query.datapoints();
    }
    if (!current.isEmpty()) {
      batches.add(new Batch(window, current));
    }
  }
}
