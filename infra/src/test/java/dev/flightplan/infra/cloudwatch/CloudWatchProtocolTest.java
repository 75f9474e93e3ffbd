package dev.flightplan.infra.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The AWS SDK BOM is pinned at 2.40.2 because later CloudWatch clients speak the RPC-v2 CBOR
 * protocol, which moto and LocalStack answer with 404. This fails loudly the day the client stops
 * sending the AWS Query protocol (a form-encoded {@code Action=GetMetricData}). The request is
 * captured before it leaves the process: no server needed.
 */
class CloudWatchProtocolTest {

  @Test
  void getMetricDataIsSentWithTheQueryProtocol() {
    AtomicReference<SdkHttpRequest> sent = new AtomicReference<>();
    AtomicReference<SdkHttpRequest> marshalled = new AtomicReference<>();
    ExecutionInterceptor capture =
        new ExecutionInterceptor() {
          @Override
          public void afterMarshalling(
              Context.AfterMarshalling context, ExecutionAttributes attributes) {
            marshalled.set(context.httpRequest());
          }

          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            sent.set(context.httpRequest());
            throw new CapturedException();
          }
        };
    try (CloudWatchClient client =
        CloudWatchClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(capture))
            .build()) {
      assertThatThrownBy(
              () ->
                  client.getMetricData(
                      r ->
                          r.startTime(java.time.Instant.EPOCH)
                              .endTime(java.time.Instant.EPOCH.plusSeconds(60))))
          .isInstanceOf(CapturedException.class);
    }

    assertThat(sent.get().firstMatchingHeader("Content-Type"))
        .as("CloudWatch must speak the Query protocol; keep the SDK BOM at or below 2.40.5")
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/x-www-form-urlencoded"));
    assertThat(sent.get().firstMatchingHeader("smithy-protocol")).isEmpty();
    // Query marshalling names the action and version as form parameters.
    assertThat(marshalled.get().rawQueryParameters())
        .containsEntry("Action", java.util.List.of("GetMetricData"))
        .containsEntry("Version", java.util.List.of("2010-08-01"));
    assertThat(sent.get().method().name()).isEqualTo("POST");
  }

  private static final class CapturedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
