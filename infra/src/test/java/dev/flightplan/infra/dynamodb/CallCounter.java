package dev.flightplan.infra.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts SDK calls by operation name (GetItem, TransactWriteItems…), one per API call. */
final class CallCounter implements ExecutionInterceptor {
  private final Map<String, Integer> calls = new TreeMap<>();

  @Override
  public synchronized void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes attributes) {
    calls.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
  }

  synchronized Map<String, Integer> calls() {
    return new TreeMap<>(calls);
  }

  synchronized void reset() {
    calls.clear();
  }
}
