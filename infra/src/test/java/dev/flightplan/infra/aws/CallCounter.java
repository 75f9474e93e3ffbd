package dev.flightplan.infra.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;

/**
 * Counts SDK calls per operation, named as the SDK names them ({@code DynamoDb.Query}, {@code
 * CloudWatch.GetMetricData}, {@code Sns.Publish}), and the metric queries of every GetMetricData
 * request, to prove how many calls a tick makes. A call is one API execution: each page is a call,
 * SDK retries of it are not. Thread-safe; install it with {@link AwsClients#withInterceptors}.
 */
public final class CallCounter implements ExecutionInterceptor {
  private final Map<String, Long> calls = new TreeMap<>();
  private final List<Integer> metricQueries = new ArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    synchronized (this) {
      calls.merge(service + "." + operation, 1L, Long::sum);
      if (context.request() instanceof GetMetricDataRequest request) {
        metricQueries.add(request.metricDataQueries().size());
      }
    }
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(calls, metricQueries);
  }

  public synchronized void reset() {
    calls.clear();
    metricQueries.clear();
  }

  /**
   * Counts at one moment.
   *
   * @param calls calls per {@code Service.Operation}, sorted by name
   * @param metricQueriesPerRequest queries in each GetMetricData request, in call order
   */
  public record Snapshot(Map<String, Long> calls, List<Integer> metricQueriesPerRequest) {
    public Snapshot {
      calls = java.util.Collections.unmodifiableMap(new TreeMap<>(calls));
      metricQueriesPerRequest = List.copyOf(metricQueriesPerRequest);
    }

    /** Calls of one operation, e.g. {@code calls("CloudWatch.GetMetricData")}; 0 if none. */
    public long calls(String operation) {
      return calls.getOrDefault(operation, 0L);
    }

    public long totalCalls() {
      return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    public long metricQueries() {
      return metricQueriesPerRequest.stream().mapToLong(Integer::longValue).sum();
    }
  }
}
