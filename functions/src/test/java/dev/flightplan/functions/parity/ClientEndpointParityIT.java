package dev.flightplan.functions.parity;

import static dev.flightplan.functions.Api.path;
import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.client.FlagClient;
import dev.flightplan.client.FlagClientStatus;
import dev.flightplan.client.FlagResult;
import dev.flightplan.core.plan.Target;
import dev.flightplan.evaluation.FlagEvaluation;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.AwsWiring;
import dev.flightplan.functions.Config;
import dev.flightplan.functions.parity.ParityFlags.Flag;
import dev.flightplan.functions.parity.ParityUnits.Unit;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.flags.DynamoDbFlagExposure;
import dev.flightplan.infra.flags.DynamoDbFlagSource;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-process client and {@code GET /flags/{key}/evaluate} agree (docs/design.md §6): flags
 * written by the controller's actuator into DynamoDB Local, then 100,000 units with attributes
 * evaluated by a {@code FlagClient} reading the table and by the endpoint's own path (the flag
 * source the handler reads, then {@code FlagExposure.evaluate}) for every flag, and a random 5,000
 * (unit, flag) pairs sent through the API handler in process, whose every call reads the table.
 * Enabled, variant, reason, audience and bucket must match everywhere.
 */
class ClientEndpointParityIT {
  static final int UNITS = 100_000;
  static final int THROUGH_HANDLER = 5_000;
  static final long SEED = 20_261_129L;

  private static AwsClients clients;
  private static DynamoDbFlagSource endpointFlags;
  private static Api api;
  private static FlagClient client;

  /** What one answer says, in the endpoint's words. */
  record Answer(boolean enabled, String variant, String reason, String audience, int bucket) {
    static Answer of(FlagResult r) {
      return new Answer(
          r.enabled(), r.variant().wireName(), r.reason().name(), r.audience(), r.bucket());
    }

    static Answer of(FlagEvaluation e) {
      return new Answer(
          e.enabled(), e.variant().wireName(), e.reason().name(), e.audience(), e.bucket());
    }

    static Answer of(JsonNode body) {
      JsonNode audience = body.get("audience");
      return new Answer(
          body.path("enabled").asBoolean(),
          body.path("variant").asText(),
          body.path("reason").asText(),
          audience == null ? null : audience.asText(),
          body.path("bucket").asInt(-1));
    }
  }

  @BeforeAll
  static void writeFlagsAndStartTheClient() {
    LocalAws.get(); // DynamoDB Local, and the SDK's endpoint settings
    clients = AwsWiring.clients();
    String prefix = "fp-parity-" + System.nanoTime() % 1_000_000 + "-";
    Tables tables = new Tables(prefix);
    TableCreator.createTables(clients.dynamoDb(), tables);
    DynamoDbFlagExposure actuator =
        new DynamoDbFlagExposure(
            clients.dynamoDb(), tables, rollout -> ParityFlags.PLAN_AUDIENCES, Clock.systemUTC());
    for (Flag flag : ParityFlags.FLAGS) {
      actuator.apply(flag.rolloutId(), new Target.Flag(flag.key()), flag.exposure());
    }
    endpointFlags = new DynamoDbFlagSource(clients.dynamoDb(), tables);
    Config config =
        Config.from(
            Map.of(
                Config.TABLE_PREFIX,
                prefix,
                Config.TOPIC_ARN,
                "arn:aws:sns:us-east-1:123456789012:" + prefix + "unused"));
    api = new Api(AwsWiring.build(config, clients, Clock.systemUTC()));
    client =
        FlagClient.builder()
            .dynamoDb(clients.dynamoDb())
            .table(tables.flags())
            .startTimeout(Duration.ofSeconds(10))
            .staleAfter(Duration.ofHours(1))
            .build();
    assertThat(client.status()).isEqualTo(FlagClientStatus.READY);
  }

  @AfterAll
  static void close() {
    client.close();
    clients.close();
  }

  @Test
  void theClientAnswersEveryUnitAsTheEndpointsEvaluatorDoes() {
    List<Unit> units = new ParityUnits(SEED).next(UNITS);
    List<String> differences = new ArrayList<>();
    Map<String, Map<String, Integer>> reasons = new HashMap<>();

    for (Flag flag : ParityFlags.FLAGS) {
      FlagExposure stored = endpointFlags.find(flag.key()).orElseThrow();
      for (Unit unit : units) {
        Answer endpoint = Answer.of(stored.evaluate(unit.id(), unit.attributes()));
        Answer inProcess = Answer.of(client.evaluate(flag.key(), unit.id(), unit.attributes()));
        if (!endpoint.equals(inProcess)) {
          differences.add(flag.key() + " " + unit + ": " + endpoint + " vs " + inProcess);
        }
        if (inProcess.enabled() != client.isEnabled(flag.key(), unit.id(), unit.attributes())) {
          differences.add(flag.key() + " " + unit + ": isEnabled disagrees with evaluate");
        }
        reasons
            .computeIfAbsent(flag.key(), k -> new HashMap<>())
            .merge(label(endpoint), 1, Integer::sum);
      }
    }

    assertThat(differences).as("%d differences", differences.size()).isEmpty();
    assertEveryCaseWasSeen(reasons);
  }

  @Test
  void aRandomSampleThroughTheApiHandlerAnswersAsTheClient() {
    List<Unit> units = new ParityUnits(SEED + 1).next(THROUGH_HANDLER);
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> differences = new ArrayList<>();

    for (Unit unit : units) {
      Flag flag = ParityFlags.FLAGS.get(random.nextInt(ParityFlags.FLAGS.size()));
      Map<String, String> parameters = new HashMap<>(unit.attributes());
      parameters.put("unit", unit.id());
      JsonNode body =
          api.send(
                  "evaluate-flag",
                  e -> query(parameters).apply(path("/flags/" + flag.key() + "/evaluate").apply(e)))
              .expect(200)
              .json();
      Answer inProcess = Answer.of(client.evaluate(flag.key(), unit.id(), unit.attributes()));
      if (!Answer.of(body).equals(inProcess)) {
        differences.add(flag.key() + " " + unit + ": " + body + " vs " + inProcess);
      }
    }

    assertThat(differences).as("%d differences", differences.size()).isEmpty();
  }

  private static String label(Answer answer) {
    return answer.audience() == null ? answer.reason() : answer.reason() + ":" + answer.audience();
  }

  /** The comparison covered what it claims: every reason where the flag allows it. */
  private static void assertEveryCaseWasSeen(Map<String, Map<String, Integer>> reasons) {
    assertThat(reasons.get("parity-off")).containsOnlyKeys("OFF");
    assertThat(reasons.get("parity-100")).containsOnlyKeys("PERCENTAGE");
    assertThat(reasons.get("parity-1")).containsOnlyKeys("PERCENTAGE", "OUT_OF_ROLLOUT");
    assertThat(reasons.get("parity-1").get("PERCENTAGE")).isBetween(800, 1_200);
    assertThat(reasons.get("parity-12.34").get("PERCENTAGE")).isBetween(11_900, 12_800);
    assertThat(reasons.get("parity-audiences"))
        .containsOnlyKeys("AUDIENCE:employees", "AUDIENCE:beta", "OUT_OF_ROLLOUT");
    assertThat(reasons.get("parity-audiences-25"))
        .containsOnlyKeys(
            "AUDIENCE:employees",
            "AUDIENCE:benelux",
            "AUDIENCE:platform-team",
            "PERCENTAGE",
            "OUT_OF_ROLLOUT");
  }
}
