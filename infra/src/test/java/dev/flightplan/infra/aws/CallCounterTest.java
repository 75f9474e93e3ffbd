package dev.flightplan.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Counting at the SDK boundary: calls are stopped before they leave the process, so no server is
 * needed. Counting against a real server is in the CloudWatch call-count integration test.
 */
class CallCounterTest {
  private final CallCounter counter = new CallCounter();
  private final ClientOverrideConfiguration config =
      ClientOverrideConfiguration.builder()
          .addExecutionInterceptor(counter)
          .addExecutionInterceptor(new StopBeforeSending())
          .build();

  @Test
  void countsCallsPerOperationAndTheQueriesOfEachGetMetricDataRequest() {
    try (CloudWatchClient cloudWatch = cloudWatch();
        DynamoDbClient dynamoDb = dynamoDb()) {
      getMetricData(cloudWatch, 3);
      getMetricData(cloudWatch, 500);
      assertThatThrownBy(() -> dynamoDb.query(q -> q.tableName("t"))).isInstanceOf(Stopped.class);
    }

    CallCounter.Snapshot snapshot = counter.snapshot();
    assertThat(snapshot.calls())
        .containsExactly(
            java.util.Map.entry("CloudWatch.GetMetricData", 2L),
            java.util.Map.entry("DynamoDb.Query", 1L));
    assertThat(snapshot.metricQueriesPerRequest()).containsExactly(3, 500);
    assertThat(snapshot.metricQueries()).isEqualTo(503);
    assertThat(snapshot.totalCalls()).isEqualTo(3);

    counter.reset();
    assertThat(counter.snapshot().totalCalls()).isZero();
    assertThat(counter.snapshot().calls("CloudWatch.GetMetricData")).isZero();
  }

  @Test
  void countsEveryCallFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (CloudWatchClient cloudWatch = cloudWatch()) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        calls.add(pool.submit(() -> getMetricData(cloudWatch, 2)));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(counter.snapshot().calls("CloudWatch.GetMetricData")).isEqualTo(400);
    assertThat(counter.snapshot().metricQueries()).isEqualTo(800);
  }

  private static void getMetricData(CloudWatchClient cloudWatch, int queries) {
    List<MetricDataQuery> list = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      int n = i;
      list.add(
          MetricDataQuery.builder()
              .id("q" + n)
              .metricStat(
                  s -> s.metric(m -> m.namespace("A").metricName("M")).period(60).stat("Sum"))
              .build());
    }
    assertThatThrownBy(
            () ->
                cloudWatch.getMetricData(
                    r ->
                        r.startTime(Instant.EPOCH)
                            .endTime(Instant.EPOCH.plusSeconds(60))
                            .metricDataQueries(list)))
        .isInstanceOf(Stopped.class);
  }

  private CloudWatchClient cloudWatch() {
    return CloudWatchClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .endpointOverride(URI.create("http://127.0.0.1:9"))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config)
        .build();
  }

  private DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .endpointOverride(URI.create("http://127.0.0.1:9"))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config)
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
  }

  /** Ends every call after marshalling, before any byte is sent. */
  private static final class StopBeforeSending implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      throw new Stopped();
    }
  }

  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
