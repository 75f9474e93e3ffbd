package dev.flightplan.bench.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the SDK calls of a process by operation, with the time each spent in the SDK as a whole
 * and on the wire (request sent to response read), so a benchmark can say where a request's time
 * goes.
 */
public final class DynamoDbCalls implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("benchStarted");
  private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("benchSent");

  /** Per operation: calls, nanoseconds in the SDK, nanoseconds on the wire. */
  private final Map<String, LongAdder[]> byOperation = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attributes.putAttribute(SENT, System.nanoTime());
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    record(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    record(attributes);
  }

  private void record(ExecutionAttributes attributes) {
    long now = System.nanoTime();
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    LongAdder[] figures =
        byOperation.computeIfAbsent(
            operation, o -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
    figures[0].increment();
    Long started = attributes.getAttribute(STARTED);
    Long sent = attributes.getAttribute(SENT);
    figures[1].add(started == null ? 0 : now - started);
    figures[2].add(sent == null ? 0 : now - sent);
  }

  public void reset() {
    byOperation.clear();
  }

  /** One line per operation: calls per request, and the mean milliseconds per call. */
  public String perRequest(long requests) {
    StringBuilder out = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, LongAdder[]> entry : new TreeMap<>(byOperation).entrySet()) {
      long calls = entry.getValue()[0].sum();
      total += calls;
      out.append(
          String.format(
              "  %-18s %.2f calls/request, %.2f ms/call in the SDK, %.2f ms on the wire%n",
              entry.getKey(),
              (double) calls / requests,
              entry.getValue()[1].sum() / 1e6 / calls,
              entry.getValue()[2].sum() / 1e6 / calls));
    }
    out.append(
        String.format(
            "  %-18s %.2f calls/request over %d requests%n",
            "all", (double) total / requests, requests));
    return out.toString();
  }
}
