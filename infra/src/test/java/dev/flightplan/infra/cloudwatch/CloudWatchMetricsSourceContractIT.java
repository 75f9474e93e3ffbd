package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.MetricsSourceContract;
import dev.flightplan.infra.testbed.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The core's metrics source contract against moto: datapoints go in with PutMetricData, one
 * StatisticSet per period for a counter as services publish them. Dimensions are written in the
 * plan's order, the only order in which moto matches them.
 */
class CloudWatchMetricsSourceContractIT extends MetricsSourceContract {
  private final CloudWatchClient cloudWatch = LocalAws.get().clients().cloudWatch();
  private final MetricWriter writer = new MetricWriter(cloudWatch);
  private CloudWatchMetricsSource source = new CloudWatchMetricsSource(cloudWatch);
  private CloudWatchClient unreachable;

  @BeforeEach
  void reset() {
    LocalAws.get().resetMoto();
  }

  @AfterEach
  void closeUnreachable() {
    if (unreachable != null) {
      unreachable.close();
    }
  }

  /** A client for a port nothing listens on: the real SDK's connection failure, after retries. */
  @Override
  protected void breakIt() {
    unreachable =
        CloudWatchClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create("http://127.0.0.1:" + closedPort()))
            .build();
    source = new CloudWatchMetricsSource(unreachable);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected MetricsSource source() {
    return source;
  }

  /** Now, since CloudWatch keeps recent datapoints only; half a minute past a whole minute. */
  @Override
  protected Instant observedAt() {
    return Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);
  }

  @Override
  protected void record(
      String rolloutId,
      String metric,
      String variant,
      Instant at,
      double numerator,
      double denominator) {
    MetricSpec spec = spec(rolloutId, metric);
    Map<String, String> dims = dimensions(spec, variant);
    counter(spec.namespace(), spec.ratio().numerator(), dims, at, numerator);
    counter(spec.namespace(), spec.ratio().denominator(), dims, at, denominator);
    writer.flush();
  }

  @Override
  protected void recordValue(
      String rolloutId, String metric, String variant, Instant at, double value) {
    MetricSpec spec = spec(rolloutId, metric);
    writer.values(
        spec.namespace(),
        spec.metric(),
        dimensions(spec, variant),
        at,
        List.of(value),
        List.of(1.0));
    writer.flush();
  }

  /** A counter's period; CloudWatch takes no StatisticSet with zero samples. */
  private void counter(
      String namespace, String metric, Map<String, String> dims, Instant at, double sum) {
    writer.statistics(namespace, metric, dims, at, sum, Math.max(1, sum));
  }

  /** The plan's dimensions in the plan's order, with the variant filled in. */
  private static Map<String, String> dimensions(MetricSpec spec, String variant) {
    Map<String, String> dims = new LinkedHashMap<>();
    spec.dimensions()
        .forEach(
            (name, value) ->
                dims.put(name, MetricSpec.VARIANT_PLACEHOLDER.equals(value) ? variant : value));
    return dims;
  }
}
