package dev.flightplan.infra.testbed;

import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Where the integration tests find AWS: DynamoDB Local in this JVM (or {@code
 * FLIGHTPLAN_TEST_DYNAMODB_ENDPOINT}), and for the other services the moto server that {@code
 * scripts/test} starts ({@code FLIGHTPLAN_TEST_AWS_ENDPOINT}) or, without one and with a Docker
 * engine, LocalStack through Testcontainers. With neither, tests fail and say how to get one: they
 * never skip.
 *
 * <p>Endpoints reach the SDK the standard way, as the {@code aws.endpointUrl} and {@code
 * aws.endpointUrlDynamoDb} system properties, so the adapters' own client factory is what runs.
 */
public final class LocalAws {
  public static final String AWS_ENDPOINT_ENV = "FLIGHTPLAN_TEST_AWS_ENDPOINT";
  public static final String DYNAMODB_ENDPOINT_ENV = "FLIGHTPLAN_TEST_DYNAMODB_ENDPOINT";
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "123456789012";

  /** Which server answers the non-DynamoDB calls. */
  public enum Backend {
    MOTO,
    LOCALSTACK
  }

  private static LocalAws instance;

  private final URI dynamoDb;
  private final URI aws;
  private final Backend backend;
  private final AwsClients clients;

  private LocalAws(URI dynamoDb, URI aws, Backend backend) {
    this.dynamoDb = dynamoDb;
    this.aws = aws;
    this.backend = backend;
    System.setProperty("aws.region", REGION);
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.endpointUrl", aws.toString());
    System.setProperty("aws.endpointUrlDynamoDb", dynamoDb.toString());
    this.clients = AwsClients.fromEnvironment();
  }

  /** The test bed of this JVM, started on first use. */
  public static synchronized LocalAws get() {
    if (instance == null) {
      instance = new LocalAws(startDynamoDb(), configuredAws(), configuredBackend());
    }
    return instance;
  }

  public AwsClients clients() {
    return clients;
  }

  public URI dynamoDbEndpoint() {
    return dynamoDb;
  }

  public URI awsEndpoint() {
    return aws;
  }

  public Backend backend() {
    return backend;
  }

  /** Forgets everything moto holds (between test classes); LocalStack is left as it is. */
  public void resetMoto() {
    if (backend != Backend.MOTO) {
      return;
    }
    HttpRequest reset =
        HttpRequest.newBuilder(aws.resolve("/moto-api/reset"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient().send(reset, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("moto reset answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("moto at " + aws + " did not answer the reset", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resetting moto", e);
    }
  }

  private static URI startDynamoDb() {
    String configured = System.getenv(DYNAMODB_ENDPOINT_ENV);
    if (configured != null && !configured.isBlank()) {
      return URI.create(configured.trim());
    }
    DynamoDbLocal server = DynamoDbLocal.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynamodb-local-stop"));
    return server.endpoint();
  }

  private static Backend configuredBackend() {
    String configured = System.getenv(AWS_ENDPOINT_ENV);
    return configured != null && !configured.isBlank() ? Backend.MOTO : Backend.LOCALSTACK;
  }

  private static URI configuredAws() {
    String configured = System.getenv(AWS_ENDPOINT_ENV);
    if (configured != null && !configured.isBlank()) {
      return URI.create(configured.trim());
    }
    return LocalStack.endpoint()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No AWS-compatible endpoint for the integration tests. Run them with"
                        + " scripts/test, which starts moto on 127.0.0.1; or start `moto_server -H"
                        + " 127.0.0.1 -p 5000` (pip install 'moto[server]==5.2.5') and set "
                        + AWS_ENDPOINT_ENV
                        + "=http://127.0.0.1:5000; or run a Docker engine so LocalStack starts"
                        + " through Testcontainers."));
  }
}
