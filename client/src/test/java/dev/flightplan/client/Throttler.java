package dev.flightplan.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Turns DynamoDB Local's answers into the throttling error DynamoDB sends (HTTP 400, {@code
 * ThrottlingException}) while on, so the SDK's own error parsing and retry policy see a real
 * throttle. Neither DynamoDB Local nor moto throttles.
 */
final class Throttler implements ExecutionInterceptor {
  private static final String BODY =
      "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
          + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}";
  volatile boolean on;

  @Override
  public SdkHttpResponse modifyHttpResponse(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!on) {
      return context.httpResponse();
    }
    return context.httpResponse().toBuilder()
        .statusCode(400)
        .putHeader("x-amzn-ErrorType", "ThrottlingException")
        .build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!on) {
      return context.responseBody();
    }
    return Optional.of(new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)));
  }
}
