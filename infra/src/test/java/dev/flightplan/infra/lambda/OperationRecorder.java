package dev.flightplan.infra.lambda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the operations a client sends, and stands in for what the server cannot do: it can answer
 * an operation with an exception before it is sent, or rewrite a response once the server answered
 * (with responses built by the SDK's own model builders).
 */
final class OperationRecorder implements ExecutionInterceptor {
  private final List<String> operations = new ArrayList<>();
  private final List<SdkRequest> requests = new ArrayList<>();
  private final Map<String, RuntimeException> failures = new HashMap<>();
  private final Map<String, Integer> failuresLeft = new HashMap<>();
  private final Map<String, UnaryOperator<SdkResponse>> rewrites = new HashMap<>();

  synchronized List<String> operations() {
    return List.copyOf(operations);
  }

  synchronized List<SdkRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized void clear() {
    operations.clear();
    requests.clear();
    failures.clear();
    failuresLeft.clear();
    rewrites.clear();
  }

  /** The next {@code times} calls of {@code operation} fail with {@code failure}, unsent. */
  synchronized void fail(String operation, RuntimeException failure, int times) {
    failures.put(operation, failure);
    failuresLeft.put(operation, times);
  }

  /** Responses to {@code operation} are replaced by what {@code rewrite} makes of them. */
  synchronized void rewrite(String operation, UnaryOperator<SdkResponse> rewrite) {
    rewrites.put(operation, rewrite);
  }

  @Override
  public synchronized void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    operations.add(operation);
    requests.add(context.request());
    if (failuresLeft.getOrDefault(operation, 0) > 0) {
      failuresLeft.merge(operation, -1, Integer::sum);
      throw failures.get(operation);
    }
  }

  @Override
  public synchronized SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    UnaryOperator<SdkResponse> rewrite = rewrites.get(operation);
    return rewrite == null ? context.response() : rewrite.apply(context.response());
  }
}
