package dev.flightplan.bench.flags;

import dev.flightplan.client.FlagClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@link FlagClient} warm from a bootstrap snapshot of one flag ({@link UnleashOffline#FLAG} at
 * the same 25 %, read just now), so a benchmark measures evaluation and nothing else: its one read
 * of the table goes to a closed port on 127.0.0.1 and fails at once, the snapshot stays, and the
 * next read is an hour away.
 */
public final class WarmClient implements AutoCloseable {
  public static final String SALT = "new-search-algorithm-2024-06";
  public static final int BASIS_POINTS = UnleashOffline.ROLLOUT_PERCENT * 100;

  private final DynamoDbClient unreachable;
  private final FlagClient client;

  private WarmClient(DynamoDbClient unreachable, FlagClient client) {
    this.unreachable = unreachable;
    this.client = client;
  }

  public static WarmClient start() {
    DynamoDbClient unreachable = unreachableDynamoDb();
    FlagClient client =
        FlagClient.builder()
            .dynamoDb(unreachable)
            .table("flightplan-flags")
            .bootstrap(snapshotFile())
            .pollInterval(Duration.ofHours(1))
            .startTimeout(Duration.ofSeconds(1))
            .build();
    return new WarmClient(unreachable, client);
  }

  public FlagClient client() {
    return client;
  }

  /** Closes the client, unless a provider took it over and closes it itself. */
  @Override
  public void close() {
    client.close();
    unreachable.close();
  }

  /** The snapshot file format of the client's {@code writeSnapshot}. */
  static String snapshot(Instant fetchedAt) {
    return """
        {"format": "flightplan-flags/1", "fetchedAt": "%s",
         "flags": [{"flagKey": "%s", "salt": "%s", "rolloutId": "%s", "basisPoints": %d,
                    "exposedAudiences": [], "audiences": [], "updatedAt": "%s"}]}
        """
        .formatted(
            fetchedAt, UnleashOffline.FLAG, SALT, SALT, BASIS_POINTS, fetchedAt.minusSeconds(60));
  }

  private static Path snapshotFile() {
    try {
      Path file = Files.createTempFile("flightplan-flags", ".json");
      file.toFile().deleteOnExit();
      return Files.writeString(file, snapshot(Instant.now()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DynamoDbClient unreachableDynamoDb() {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + closedPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** A port nothing listens on: bound, then released. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
