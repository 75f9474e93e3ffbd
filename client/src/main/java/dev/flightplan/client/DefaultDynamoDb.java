package dev.flightplan.client;

import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client the flag client makes when the application passes none. */
final class DefaultDynamoDb {
  private static final Duration MAX_CALL_TIMEOUT = Duration.ofSeconds(10);

  private DefaultDynamoDb() {}

  /**
   * Region, credentials and endpoint from the SDK's standard chains, {@code
   * AWS_ENDPOINT_URL_DYNAMODB} included; a call (retries included) never outlasts a poll interval
   * or 10 s, so a hung connection cannot stall the refresh.
   */
  static DynamoDbClient create(Duration pollInterval) {
    Duration callTimeout =
        pollInterval.compareTo(MAX_CALL_TIMEOUT) < 0 ? pollInterval : MAX_CALL_TIMEOUT;
    return DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))
        .build();
  }
}
