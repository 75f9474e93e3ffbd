package dev.flightplan.infra.aws;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients of one process, built once and shared. Region, credentials and endpoint come from
 * the SDK's standard settings ({@code AWS_REGION}, the credential chain, {@code AWS_ENDPOINT_URL}
 * and {@code AWS_ENDPOINT_URL_<SERVICE>} or their system properties), so the same code talks to AWS
 * in a deployed function and to a local server in tests. All clients share one {@code
 * url-connection-client}: the lightest HTTP client, and the quickest to start.
 */
public final class AwsClients implements AutoCloseable {
  private final SdkHttpClient http;
  private final ClientOverrideConfiguration overrides;
  private DynamoDbClient dynamoDb;
  private CloudWatchClient cloudWatch;
  private SnsClient sns;
  private LambdaClient lambda;
  private SqsClient sqs;

  private AwsClients(ClientOverrideConfiguration overrides) {
    this.http = UrlConnectionHttpClient.builder().build();
    this.overrides = overrides;
  }

  /** Clients configured from the environment. */
  public static AwsClients fromEnvironment() {
    return new AwsClients(ClientOverrideConfiguration.builder().build());
  }

  /** Clients whose every call also passes through {@code interceptors} (e.g. call counting). */
  public static AwsClients withInterceptors(ExecutionInterceptor... interceptors) {
    ClientOverrideConfiguration.Builder config = ClientOverrideConfiguration.builder();
    for (ExecutionInterceptor interceptor : interceptors) {
      config.addExecutionInterceptor(interceptor);
    }
    return new AwsClients(config.build());
  }

  public synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = DynamoDbClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }
    return dynamoDb;
  }

  public synchronized CloudWatchClient cloudWatch() {
    if (cloudWatch == null) {
      cloudWatch =
          CloudWatchClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }
    return cloudWatch;
  }

  public synchronized SnsClient sns() {
    if (sns == null) {
      sns = SnsClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }
    return sns;
  }

  public synchronized LambdaClient lambda() {
    if (lambda == null) {
      lambda = LambdaClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }
    return lambda;
  }

  /** Built only where the tick fans out to workers. */
  public synchronized SqsClient sqs() {
    if (sqs == null) {
      sqs = SqsClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }
    return sqs;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable client : new AutoCloseable[] {dynamoDb, cloudWatch, sns, lambda, sqs}) {
      if (client != null) {
        try {
          client.close();
        } catch (Exception e) {
          // Closing is best effort; the process is going away.
        }
      }
    }
    http.close();
  }
}
