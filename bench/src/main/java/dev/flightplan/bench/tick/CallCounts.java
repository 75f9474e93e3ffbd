package dev.flightplan.bench.tick;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;

/** Every SDK call by service and operation, and the queries sent in GetMetricData calls. */
final class CallCounts implements ExecutionInterceptor {
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("benchStarted");

  private final AtomicLong metricQueries = new AtomicLong();
  private final AtomicLong metricNanos = new AtomicLong();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String name =
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + "."
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    calls.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    if (context.request() instanceof GetMetricDataRequest request) {
      metricQueries.addAndGet(request.metricDataQueries().size());
      attributes.putAttribute(STARTED, System.nanoTime());
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Long started = attributes.getAttribute(STARTED);
    if (started != null) {
      metricNanos.addAndGet(System.nanoTime() - started);
    }
  }

  void reset() {
    calls.clear();
    metricQueries.set(0);
    metricNanos.set(0);
  }

  /** Seconds spent in GetMetricData calls, summed over the calls (they overlap). */
  double metricCallSeconds() {
    return metricNanos.get() / 1e9;
  }

  long calls(String name) {
    AtomicLong count = calls.get(name);
    return count == null ? 0 : count.get();
  }

  long metricQueries() {
    return metricQueries.get();
  }

  /** Writes to DynamoDB, of any kind. */
  long writes() {
    return calls("DynamoDb.PutItem")
        + calls("DynamoDb.UpdateItem")
        + calls("DynamoDb.DeleteItem")
        + calls("DynamoDb.TransactWriteItems")
        + calls("DynamoDb.BatchWriteItem");
  }

  Map<String, Long> all() {
    Map<String, Long> all = new TreeMap<>();
    calls.forEach((k, v) -> all.put(k, v.get()));
    return all;
  }
}
