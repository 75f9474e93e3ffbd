package dev.flightplan.infra.cloudwatch;

import static dev.flightplan.infra.cloudwatch.TestRollouts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * Percentiles at the SDK boundary: moto answers any percentile with HTTP 500, so the request is
 * checked as the real client marshals it, and the answer is built with the SDK's model builders.
 */
class CloudWatchPercentileTest {
  private static final String P95 =
      "metrics:\n  latency_p95: { namespace: Search, metric: Latency, stat: p95,"
          + " dimensions: { Variant: \"${variant}\" } }\n";

  @Test
  void aPercentileIsReadAsAStatisticPerPeriodAndOverTheWholeLookback() {
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);

    new CloudWatchMetricsSource(cloudWatch).observe(List.of(TestRollouts.rollout("a", P95)), NOW);

    List<MetricDataQuery> queries = cloudWatch.requests().getFirst().metricDataQueries();
    assertThat(queries)
        .extracting(
            q ->
                FakeGetMetricData.dimension(q, "Variant")
                    + " "
                    + q.metricStat().stat()
                    + "/"
                    + q.metricStat().period())
        .containsExactly(
            "candidate p95/60",
            "candidate SampleCount/60",
            "candidate p95/1800",
            "baseline p95/60",
            "baseline SampleCount/60",
            "baseline p95/1800");
  }

  @Test
  void thePercentileValueIsTheOneOverTheLookbackAndThePointsArePerPeriod() {
    FakeGetMetricData cloudWatch =
        FakeGetMetricData.withValues(
            q -> {
              boolean candidate = "candidate".equals(FakeGetMetricData.dimension(q, "Variant"));
              return switch (FakeGetMetricData.stat(q) + "/" + q.metricStat().period()) {
                case "SampleCount/60" -> 50;
                case "p95/1800" -> candidate ? 480 : 200;
                default -> candidate ? 400 : 190;
              };
            });

    Map<String, Observations> observed =
        new CloudWatchMetricsSource(cloudWatch)
            .observe(List.of(TestRollouts.rollout("a", P95)), NOW);

    var values = (MetricReading.Values) observed.get("a").get("latency_p95");
    assertThat(values.candidate().value()).isEqualTo(480);
    assertThat(values.candidate().samples()).isEqualTo(1500);
    assertThat(values.candidate().points()).hasSize(30).containsOnly(400.0);
    assertThat(values.baseline().value()).isEqualTo(200);
  }

  @Test
  void theRealClientSendsP95AsTheStatOfAMetricStat() {
    AtomicReference<Map<String, List<String>>> form = new AtomicReference<>();
    ExecutionInterceptor capture =
        new ExecutionInterceptor() {
          @Override
          public void afterMarshalling(
              Context.AfterMarshalling context, ExecutionAttributes attributes) {
            form.set(context.httpRequest().rawQueryParameters());
          }

          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new IllegalStateException("captured; not sent");
          }
        };
    try (CloudWatchClient client = capturingClient(capture)) {
      Map<String, Observations> observed =
          new CloudWatchMetricsSource(client).observe(List.of(TestRollouts.rollout("a", P95)), NOW);
      assertThat(observed.get("a").get("latency_p95")).isInstanceOf(MetricReading.Failed.class);
    }

    assertThat(form.get())
        .containsEntry("Action", List.of("GetMetricData"))
        .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", List.of("p95"))
        .containsEntry("MetricDataQueries.member.1.MetricStat.Period", List.of("60"))
        .containsEntry("MetricDataQueries.member.3.MetricStat.Stat", List.of("p95"))
        .containsEntry("MetricDataQueries.member.3.MetricStat.Period", List.of("1800"))
        .containsEntry("StartTime", List.of("2025-03-03T08:37:00Z"))
        .containsEntry("EndTime", List.of("2025-03-03T09:07:00Z"))
        .containsEntry("ScanBy", List.of("TimestampAscending"));
  }

  private static CloudWatchClient capturingClient(ExecutionInterceptor capture) {
    return CloudWatchClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .endpointOverride(URI.create("http://127.0.0.1:9"))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(capture))
        .build();
  }
}
