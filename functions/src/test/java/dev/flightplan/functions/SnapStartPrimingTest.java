package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.functions.snapstart.PrimingGuard;
import dev.flightplan.functions.snapstart.SdkPrimer;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SnapStart hooks, called directly. The SDK is pointed at a port where nothing listens: a call
 * that got past the guard would fail to connect, and the guard counts one stop per call.
 */
class SnapStartPrimingTest {
  private static final String[] PROPERTIES = {"aws.region", "aws.endpointUrl"};
  private static final Map<String, String> SAVED = new java.util.HashMap<>();

  @BeforeAll
  static void nowhere() {
    for (String p : PROPERTIES) {
      SAVED.put(p, System.getProperty(p));
    }
    System.setProperty("aws.region", "eu-west-1");
    System.setProperty("aws.endpointUrl", "http://127.0.0.1:9");
  }

  @AfterAll
  static void restore() {
    SAVED.forEach(
        (k, v) -> {
          if (v == null) {
            System.clearProperty(k);
          } else {
            System.setProperty(k, v);
          }
        });
  }

  @Test
  void everyHandlersHookRunsWithTheInMemoryWiring() {
    Handlers h = new Handlers();

    h.controller.priming().beforeCheckpoint(null);
    h.alarm.priming().beforeCheckpoint(null);
    new ApiHandler(h.wiring).priming().beforeCheckpoint(null);
    h.alarm.priming().afterRestore(null);
  }

  @Test
  void aPrimingCallIsStoppedOnceBeforeItIsSent() {
    try (AwsClients clients = AwsWiring.clients()) {
      int stopped =
          PrimingGuard.dryRun(
              () ->
                  clients
                      .dynamoDb()
                      .getItem(
                          r ->
                              r.tableName("flightplan-rollouts")
                                  .key(Map.of("id", AttributeValue.fromS("x")))
                                  .overrideConfiguration(
                                      o ->
                                          o.credentialsProvider(
                                              StaticCredentialsProvider.create(
                                                  AwsBasicCredentials.create("a", "b"))))));

      assertThat(stopped).as("stopped once, never retried").isEqualTo(1);
    }
  }

  @Test
  void theSdkPrimerWarmsEveryClientWithoutSending() {
    try (AwsClients clients = AwsWiring.clients()) {
      SnsTopics topics = SnsTopics.of("arn:aws:sns:eu-west-1:123456789012:flightplan");
      new SdkPrimer(clients, new Tables("flightplan-"), topics).prime();

      // Outside priming the guard lets calls through: this one reaches the dead port.
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> clients.sns().listTopics()))
          .isNotNull()
          .hasMessageNotContaining("priming");
    }
  }
}
