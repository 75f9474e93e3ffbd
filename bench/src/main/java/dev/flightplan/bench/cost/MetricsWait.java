package dev.flightplan.bench.cost;

import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The time a tick spends in GetMetricData calls: on moto, which is much slower at it than
 * CloudWatch, it is most of a large tick, so the Lambda figure is given with and without it.
 */
final class MetricsWait implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("costStarted");

  private final LongAdder nanos = new LongAdder();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Long started = attributes.getAttribute(STARTED);
    if (started != null
        && "GetMetricData".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
      nanos.add(System.nanoTime() - started);
    }
  }

  double millis() {
    return nanos.sum() / 1e6;
  }

  void reset() {
    nanos.reset();
  }
}
