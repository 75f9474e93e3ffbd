package dev.flightplan.client;

import static dev.flightplan.client.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Target;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.BucketingVectors;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagEvaluator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.flags.DynamoDbFlagExposure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The client reading what the controller writes, on DynamoDB Local. */
class FlagClientIT {
  private static final Map<String, Audience> AUDIENCES = audiences();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-03T09:00:00.25Z"), ZoneOffset.UTC);

  private final RecordingListener listener = new RecordingListener();
  private DynamoDbClient dynamoDb;
  private Tables tables;
  private DynamoDbFlagExposure controller;
  private FlagClient client;

  @BeforeEach
  void tables() {
    dynamoDb = LocalDynamoDb.client();
    tables = LocalDynamoDb.freshTables(dynamoDb);
    controller = new DynamoDbFlagExposure(dynamoDb, tables, id -> AUDIENCES, CLOCK);
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    dynamoDb.close();
  }

  private FlagClient start(FlagClientBuilder builder) {
    client =
        builder
            .dynamoDb(dynamoDb)
            .table(tables.flags())
            .pollInterval(Duration.ofMillis(100))
            .startTimeout(Duration.ofSeconds(10))
            .listener(listener)
            .build();
    return client;
  }

  @Test
  void theSharedBucketingVectorsPassThroughTheClient() {
    List<BucketingVectors> vectors = BucketingVectors.load();
    vectors.forEach(v -> controller.apply(v.salt(), new Target.Flag(v.flagKey()), all()));
    start(FlagClient.builder());

    for (BucketingVectors v : vectors) {
      FlagResult result = client.evaluate(v.flagKey(), v.unit(), Map.of());
      assertThat(result.bucket()).as("%s", v).isEqualTo(v.bucket());
      assertThat(result.reason()).isEqualTo(EvaluationReason.PERCENTAGE);
    }
  }

  @Test
  void everyUnitAgreesWithTheControllersEvaluator() {
    Exposure exposure = new Exposure(2_500, Set.of("staff", "beta"));
    controller.apply("r-7", new Target.Flag("new-search"), exposure);
    start(FlagClient.builder());

    for (int i = 0; i < 5_000; i++) {
      String unit = "user-" + i;
      Map<String, String> context = context(i);
      var expected =
          FlagEvaluator.evaluate("new-search", "r-7", exposure, AUDIENCES, unit, context);
      FlagResult result = client.evaluate("new-search", unit, context);
      assertThat(result.enabled()).isEqualTo(expected.enabled());
      assertThat(result.audience()).isEqualTo(expected.audience());
      assertThat(result.bucket()).isEqualTo(expected.bucket());
      assertThat(result.reason()).isEqualTo(EvaluationReason.of(expected.reason()));
      assertThat(client.isEnabled("new-search", unit, context)).isEqualTo(expected.enabled());
    }
    FlagMetadata metadata = client.evaluate("new-search", "u", Map.of()).metadata();
    assertThat(metadata)
        .isEqualTo(new FlagMetadata("r-7", 2_500, Set.of("staff", "beta"), CLOCK.instant()));
  }

  @Test
  void aNamedSetOfFlagsIsReadAndOthersAreUnknown() {
    controller.apply("r1", new Target.Flag("checkout"), all());
    controller.apply("r2", new Target.Flag("search"), all());
    start(FlagClient.builder().flags("checkout", "never-written"));

    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);
    assertThat(client.evaluate("search", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.UNKNOWN_FLAG);
    assertThat(client.evaluate("never-written", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.UNKNOWN_FLAG);
  }

  @Test
  void anItemWrittenByANewerVersionWithUnknownAttributesIsRead() {
    controller.apply("r1", new Target.Flag("checkout"), all());
    Map<String, AttributeValue> item =
        new LinkedHashMap<>(
            dynamoDb
                .getItem(
                    r ->
                        r.tableName(tables.flags())
                            .key(Map.of("flagKey", AttributeValue.fromS("checkout"))))
                .item());
    item.put("phase", AttributeValue.fromS("standard-25"));
    item.put("schedule", AttributeValue.fromM(Map.of("next", AttributeValue.fromN("1"))));
    dynamoDb.putItem(r -> r.tableName(tables.flags()).item(item));
    start(FlagClient.builder());

    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);
    assertThat(listener.calls).doesNotContain("error");
  }

  @Test
  void anUnreadableItemKeepsItsLastGoodValueWhileOthersMoveOn() {
    controller.apply("r1", new Target.Flag("checkout"), all());
    controller.apply("r1", new Target.Flag("search"), all());
    start(FlagClient.builder());

    Map<String, AttributeValue> future =
        Map.of(
            "flagKey", AttributeValue.fromS("checkout"),
            "salt", AttributeValue.fromS("r1"),
            "basisPoints", AttributeValue.fromN("0"),
            "exposedAudiences", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))),
            "audiences",
                AttributeValue.fromL(
                    List.of(
                        AttributeValue.fromM(
                            Map.of(
                                "name", AttributeValue.fromS("x"),
                                "attribute", AttributeValue.fromS("email"),
                                "match", AttributeValue.fromS("matchesRegex"),
                                "values", AttributeValue.fromL(List.of()))))));
    dynamoDb.putItem(r -> r.tableName(tables.flags()).item(future));
    controller.apply("r1", new Target.Flag("search"), Exposure.NONE);
    await("the next read", () -> !client.isEnabled("search", "u"));
    await("the unreadable item reported", () -> listener.calls.contains("error"));

    assertThat(client.isEnabled("checkout", "u")).isTrue();
    assertThat(listener.errors.get(0)).hasMessageContaining("[checkout]");
  }

  @Test
  void exposureChangesReachTheClientWithTheChangedKeys() {
    controller.apply("r1", new Target.Flag("checkout"), new Exposure(100, Set.of()));
    controller.apply("r1", new Target.Flag("search"), new Exposure(100, Set.of()));
    start(FlagClient.builder());

    controller.apply("r1", new Target.Flag("checkout"), all());
    await("the change", () -> !listener.changes.isEmpty());

    assertThat(listener.changes.get(0)).containsExactly("checkout");
    assertThat(client.evaluate("checkout", "u", Map.of()).metadata().basisPoints())
        .isEqualTo(10_000);
  }

  private static Exposure all() {
    return new Exposure(Exposure.ALL, Set.of());
  }

  private static Map<String, String> context(int i) {
    return switch (i % 4) {
      case 0 -> Map.of("email", "u" + i + "@example.com");
      case 1 -> Map.of("country", i % 3 == 0 ? "NL" : "DE");
      case 2 -> Map.of("email", "u" + i + "@other.org", "country", "BE");
      default -> Map.of();
    };
  }

  private static Map<String, Audience> audiences() {
    Map<String, Audience> audiences = new LinkedHashMap<>();
    audiences.put(
        "staff", new Audience("email", Audience.Match.ENDS_WITH, List.of("@example.com")));
    audiences.put("internal", new Audience("team", Audience.Match.EQUALS, List.of("search")));
    audiences.put("beta", new Audience("country", Audience.Match.IN, List.of("NL", "BE")));
    return audiences;
  }
}
