package dev.flightplan.functions.observe;

import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;

/**
 * CloudWatch metrics in the embedded metric format, through Powertools' functional API: the handler
 * adds metrics and flushes once per invocation; Lambda ships the line to CloudWatch Logs, which
 * extracts the metrics.
 */
public final class Emf {
  static final String SERVICE = "POWERTOOLS_SERVICE_NAME";

  private Emf() {}

  /** The process's metrics logger in {@code namespace}, with a {@code Service} dimension. */
  public static Metrics metrics(String namespace) {
    preferStandardOutput();
    String service = System.getenv(SERVICE);
    return MetricsBuilder.builder()
        .withNamespace(namespace)
        .withService(service == null || service.isBlank() ? "flightplan" : service)
        .build();
  }

  /**
   * Outside Lambda (tests, local mode) the EMF library would probe for EC2 metadata and a
   * CloudWatch agent over the network; print to standard output instead, unless the environment
   * chose ({@code AWS_EMF_ENVIRONMENT}).
   */
  private static void preferStandardOutput() {
    if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null
        && System.getenv("AWS_EMF_ENVIRONMENT") == null) {
      EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
    }
  }
}
