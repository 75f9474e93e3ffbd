package dev.flightplan.bench.cost;

import dev.flightplan.infra.aws.CallCounter;

/**
 * What some ticks cost in billable units, as counted on the local servers: DynamoDB calls and their
 * request units, GetMetricData calls and the metrics they requested, SNS publishes, and the ticks'
 * wall-clock time (what a Lambda invocation would be billed for).
 *
 * @param ticks how many ticks these figures add up
 * @param writes PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems calls
 * @param writeUnits write request units as billed (a transaction's at twice the standard rate)
 * @param metricsMillis of {@code millis}, the time spent in GetMetricData calls
 */
record TickBill(
    int ticks,
    long queryPages,
    double readUnits,
    long getItems,
    long writes,
    long transactions,
    double writeUnits,
    long getMetricDataCalls,
    long metricsRequested,
    long snsPublishes,
    double millis,
    double metricsMillis) {

  static final TickBill NONE = new TickBill(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  static TickBill of(
      CallCounter.Snapshot calls, CapacityMeter capacity, MetricsWait wait, double millis) {
    long writes =
        calls.calls("DynamoDb.PutItem")
            + calls.calls("DynamoDb.UpdateItem")
            + calls.calls("DynamoDb.DeleteItem")
            + calls.calls("DynamoDb.BatchWriteItem")
            + calls.calls("DynamoDb.TransactWriteItems");
    return new TickBill(
        1,
        calls.calls("DynamoDb.Query"),
        capacity.readUnits(),
        calls.calls("DynamoDb.GetItem") + calls.calls("DynamoDb.BatchGetItem"),
        writes,
        calls.calls("DynamoDb.TransactWriteItems"),
        capacity.writeUnits(),
        calls.calls("CloudWatch.GetMetricData"),
        calls.metricQueries(),
        calls.calls("Sns.Publish"),
        millis,
        wait.millis());
  }

  TickBill plus(TickBill o) {
    return new TickBill(
        ticks + o.ticks,
        queryPages + o.queryPages,
        readUnits + o.readUnits,
        getItems + o.getItems,
        writes + o.writes,
        transactions + o.transactions,
        writeUnits + o.writeUnits,
        getMetricDataCalls + o.getMetricDataCalls,
        metricsRequested + o.metricsRequested,
        snsPublishes + o.snsPublishes,
        millis + o.millis,
        metricsMillis + o.metricsMillis);
  }

  /** Per tick, the figures as fractions: for a mean over several ticks. */
  Rates perTick() {
    double n = Math.max(1, ticks);
    return new Rates(
        queryPages / n,
        readUnits / n,
        getItems / n,
        writes / n,
        writeUnits / n,
        getMetricDataCalls / n,
        metricsRequested / n,
        snsPublishes / n,
        millis / n,
        metricsMillis / n);
  }

  /** Billable quantities per tick (or per event), fractional when averaged. */
  record Rates(
      double queryPages,
      double readUnits,
      double getItems,
      double writes,
      double writeUnits,
      double getMetricDataCalls,
      double metricsRequested,
      double snsPublishes,
      double millis,
      double metricsMillis) {

    static final Rates NONE = new Rates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Rates plus(Rates o) {
      return new Rates(
          queryPages + o.queryPages,
          readUnits + o.readUnits,
          getItems + o.getItems,
          writes + o.writes,
          writeUnits + o.writeUnits,
          getMetricDataCalls + o.getMetricDataCalls,
          metricsRequested + o.metricsRequested,
          snsPublishes + o.snsPublishes,
          millis + o.millis,
          metricsMillis + o.metricsMillis);
    }

    Rates times(double k) {
      return new Rates(
          queryPages * k,
          readUnits * k,
          getItems * k,
          writes * k,
          writeUnits * k,
          getMetricDataCalls * k,
          metricsRequested * k,
          snsPublishes * k,
          millis * k,
          metricsMillis * k);
    }

    /** The same with the time spent in GetMetricData calls taken out of the ticks' time. */
    Rates withoutMetricsWait() {
      return new Rates(
          queryPages,
          readUnits,
          getItems,
          writes,
          writeUnits,
          getMetricDataCalls,
          metricsRequested,
          snsPublishes,
          millis - metricsMillis,
          0);
    }

    /** What is left over {@code base}: an event's own cost over the tick it happened in. */
    Rates over(Rates base) {
      return plus(base.times(-1));
    }
  }
}
