package dev.flightplan.client;

import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local for the client's integration tests: started in this JVM on 127.0.0.1 by infra's
 * {@link DynamoDbLocal}, or the server at {@code FLIGHTPLAN_TEST_DYNAMODB_ENDPOINT}.
 */
public final class LocalDynamoDb {
  public static final String ENDPOINT_ENV = "FLIGHTPLAN_TEST_DYNAMODB_ENDPOINT";
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static URI endpoint;

  private LocalDynamoDb() {}

  public static synchronized URI endpoint() {
    if (endpoint == null) {
      String configured = System.getenv(ENDPOINT_ENV);
      if (configured != null && !configured.isBlank()) {
        endpoint = URI.create(configured.trim());
      } else {
        DynamoDbLocal server = DynamoDbLocal.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynamodb-local-stop"));
        endpoint = server.endpoint();
      }
    }
    return endpoint;
  }

  /** A client of the server at {@code at}, retrying as the SDK does by default. */
  public static DynamoDbClient client(URI at, Duration callTimeout, ExecutionInterceptor... hooks) {
    return DynamoDbClient.builder()
        .endpointOverride(at)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            o -> {
              o.apiCallTimeout(callTimeout).retryStrategy(RetryMode.STANDARD);
              for (ExecutionInterceptor hook : hooks) {
                o.addExecutionInterceptor(hook);
              }
            })
        .build();
  }

  public static DynamoDbClient client(ExecutionInterceptor... hooks) {
    return client(endpoint(), Duration.ofSeconds(10), hooks);
  }

  /** A fresh set of Flightplan tables, named apart from every other test's. */
  public static Tables freshTables(DynamoDbClient client) {
    Tables tables =
        new Tables(
            "fp-client-" + ProcessHandle.current().pid() + "-" + TABLES.incrementAndGet() + "-");
    TableCreator.createTables(client, tables);
    return tables;
  }

  /** Table names that no table has. */
  public static Tables absentTables() {
    return new Tables("fp-client-absent-" + TABLES.incrementAndGet() + "-");
  }
}
