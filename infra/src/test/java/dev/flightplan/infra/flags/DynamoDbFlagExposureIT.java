package dev.flightplan.infra.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagEvaluation.Reason;
import dev.flightplan.evaluation.FlagEvaluator;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Flag exposure on DynamoDB Local: set then verify, and evaluation that agrees with the core. */
class DynamoDbFlagExposureIT {
  private static final String FLAG = "new-search";
  private static final String ROLLOUT = "new-search-2025-03";
  private static final Map<String, Audience> PLAN_AUDIENCES = planAudiences();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-03T09:00:00.5Z"), ZoneOffset.UTC);
  private static volatile boolean tamper;
  private static AwsClients clients;
  private static int counter;

  private DynamoDbFlagExposure actuator;
  private DynamoDbFlagSource flags;

  @BeforeAll
  static void start() {
    LocalAws.get();
    clients = AwsClients.withInterceptors(new Tamperer());
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @BeforeEach
  void freshTables() {
    DynamoDbClient client = clients.dynamoDb();
    Tables tables = new Tables("fp-flags-" + System.nanoTime() % 100_000 + "-" + ++counter + "-");
    TableCreator.createTables(client, tables);
    actuator = new DynamoDbFlagExposure(client, tables, id -> PLAN_AUDIENCES, CLOCK);
    flags = new DynamoDbFlagSource(client, tables);
    tamper = false;
  }

  @Test
  void exposureIsWrittenVerifiedAndReadBack() {
    Exposure exposure = new Exposure(500, Set.of("beta", "staff"));

    actuator.apply(ROLLOUT, new Target.Flag(FLAG), exposure);

    FlagExposure read = flags.find(FLAG).orElseThrow();
    assertThat(read.exposure()).isEqualTo(exposure);
    assertThat(read.salt()).isEqualTo(ROLLOUT);
    assertThat(read.rolloutId()).isEqualTo(ROLLOUT);
    assertThat(read.updatedAt()).isEqualTo(CLOCK.instant());
    assertThat(read.audiences()).containsOnlyKeys("staff", "beta");
    assertThat(List.copyOf(read.audiences().keySet())).containsExactly("staff", "beta");
    assertThat(flags.find("unknown-flag")).isEmpty();
  }

  @Test
  void evaluationAgreesWithTheCoreEvaluatorForEveryUnit() {
    for (Exposure exposure :
        List.of(
            Exposure.NONE,
            new Exposure(100, Set.of()),
            new Exposure(2_500, Set.of("staff", "beta")),
            new Exposure(10_000, Set.of()))) {
      actuator.apply(ROLLOUT, new Target.Flag(FLAG), exposure);
      FlagExposure read = flags.find(FLAG).orElseThrow();
      for (int i = 0; i < 2_000; i++) {
        String unit = "user-" + i;
        Map<String, String> context = context(i);
        assertThat(read.evaluate(unit, context))
            .isEqualTo(
                FlagEvaluator.evaluate(FLAG, ROLLOUT, exposure, PLAN_AUDIENCES, unit, context));
      }
    }
  }

  @Test
  void noExposureIsStoredAsOffForEveryone() {
    actuator.apply(ROLLOUT, new Target.Flag(FLAG), new Exposure(10_000, Set.of()));
    actuator.apply(ROLLOUT, new Target.Flag(FLAG), Exposure.NONE);

    assertThat(flags.find(FLAG).orElseThrow().evaluate("user-1", Map.of()).reason())
        .isEqualTo(Reason.OFF);
  }

  @Test
  void aReadBackThatDiffersFailsTheActuation() {
    tamper = true;

    assertThatThrownBy(
            () -> actuator.apply(ROLLOUT, new Target.Flag(FLAG), new Exposure(500, Set.of())))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("read back");
  }

  @Test
  void otherTargetsAreRefused() {
    assertThatThrownBy(
            () ->
                actuator.apply(
                    ROLLOUT, new Target.LambdaAlias("f", "live", "1", "2"), Exposure.NONE))
        .isInstanceOf(ActuationException.class);
  }

  private static Map<String, String> context(int i) {
    return switch (i % 4) {
      case 0 -> Map.of("email", "u" + i + "@example.com");
      case 1 -> Map.of("country", i % 3 == 0 ? "NL" : "DE");
      case 2 -> Map.of("email", "u" + i + "@other.org", "country", "NL");
      default -> Map.of();
    };
  }

  private static Map<String, Audience> planAudiences() {
    Map<String, Audience> audiences = new LinkedHashMap<>();
    audiences.put(
        "staff", new Audience("email", Audience.Match.ENDS_WITH, List.of("@example.com")));
    audiences.put("internal", new Audience("team", Audience.Match.EQUALS, List.of("search")));
    audiences.put("beta", new Audience("country", Audience.Match.IN, List.of("NL", "BE")));
    return audiences;
  }

  /** Changes what GetItem returns, as a store that lost the write would. */
  private static final class Tamperer implements ExecutionInterceptor {
    @Override
    public SdkResponse modifyResponse(
        Context.ModifyResponse context, ExecutionAttributes attributes) {
      if (tamper && context.response() instanceof GetItemResponse get && get.hasItem()) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(get.item());
        item.put("basisPoints", AttributeValue.fromN("100"));
        return get.toBuilder().item(item).build();
      }
      return context.response();
    }
  }
}
