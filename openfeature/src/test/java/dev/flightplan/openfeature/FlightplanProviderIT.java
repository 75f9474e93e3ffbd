package dev.flightplan.openfeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.client.FlagClient;
import dev.flightplan.client.LocalDynamoDb;
import dev.flightplan.core.plan.Target;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Bucketer;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.flags.DynamoDbFlagExposure;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The provider through the OpenFeature SDK's own API, over flags on DynamoDB Local. */
class FlightplanProviderIT {
  private static final Map<String, Audience> AUDIENCES =
      Map.of("staff", new Audience("email", Audience.Match.ENDS_WITH, List.of("@example.com")));
  private final OpenFeatureAPI api = OpenFeatureAPI.getInstance();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<EventDetails> changes = new CopyOnWriteArrayList<>();
  private DynamoDbClient dynamoDb;
  private Tables tables;
  private DynamoDbFlagExposure controller;

  @BeforeEach
  void setUp() {
    dynamoDb = LocalDynamoDb.client();
    tables = LocalDynamoDb.freshTables(dynamoDb);
    controller = new DynamoDbFlagExposure(dynamoDb, tables, id -> AUDIENCES, Clock.systemUTC());
    api.onProviderReady(e -> events.add("READY"));
    api.onProviderError(e -> events.add("ERROR"));
    api.onProviderStale(e -> events.add("STALE"));
    api.onProviderConfigurationChanged(changes::add);
  }

  @AfterEach
  void tearDown() {
    api.shutdown();
    dynamoDb.close();
  }

  private FlightplanProvider provider(Tables in, Duration staleAfter) {
    return new FlightplanProvider(
        FlagClient.builder()
            .dynamoDb(dynamoDb)
            .table(in.flags())
            .pollInterval(Duration.ofMillis(100))
            .staleAfter(staleAfter)
            .startTimeout(Duration.ofSeconds(10)));
  }

  @Test
  void booleanAndStringFlagsAnswerWithReasonsVariantsAndMetadata() {
    controller.apply("r1", new Target.Flag("search"), new Exposure(2_500, Set.of("staff")));
    controller.apply("r1", new Target.Flag("banner"), Exposure.NONE);
    api.setProviderAndWait(provider(tables, Duration.ofMinutes(1)));
    Client client = api.getClient();
    await("READY", () -> events.contains("READY"));

    String unit = unitWithBucket("search", "r1", false);
    FlagEvaluationDetails<Boolean> split =
        client.getBooleanDetails("search", true, new ImmutableContext(unit));
    assertThat(split.getValue()).isFalse();
    assertThat(split.getReason()).isEqualTo("SPLIT");
    assertThat(split.getVariant()).isEqualTo("baseline");
    assertThat(split.getFlagMetadata().getString("rolloutId")).isEqualTo("r1");
    assertThat(split.getFlagMetadata().getInteger("basisPoints")).isEqualTo(2_500);
    assertThat(split.getFlagMetadata().getInteger("bucket")).isNull();

    FlagEvaluationDetails<String> staff =
        client.getStringDetails(
            "search",
            "baseline",
            new ImmutableContext(unit, Map.of("email", new Value("ana@example.com"))));
    assertThat(staff.getValue()).isEqualTo("candidate");
    assertThat(staff.getReason()).isEqualTo("TARGETING_MATCH");
    assertThat(staff.getFlagMetadata().getString("audience")).isEqualTo("staff");

    assertThat(client.getBooleanDetails("banner", true, new ImmutableContext(unit)))
        .returns(false, FlagEvaluationDetails::getValue)
        .returns("DISABLED", FlagEvaluationDetails::getReason);
  }

  @Test
  void errorsAnswerTheCallersDefault() {
    controller.apply("r1", new Target.Flag("search"), new Exposure(10_000, Set.of()));
    api.setProviderAndWait(provider(tables, Duration.ofMinutes(1)));
    Client client = api.getClient();

    FlagEvaluationDetails<Boolean> noUnit =
        client.getBooleanDetails("search", false, new ImmutableContext());
    assertThat(noUnit.getValue()).isFalse();
    assertThat(noUnit.getErrorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
    assertThat(noUnit.getReason()).isEqualTo("ERROR");

    FlagEvaluationDetails<Boolean> unknown =
        client.getBooleanDetails("nope", true, new ImmutableContext("u"));
    assertThat(unknown.getValue()).isTrue();
    assertThat(unknown.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);

    assertThat(client.getIntegerDetails("search", 7, new ImmutableContext("u")).getErrorCode())
        .isEqualTo(ErrorCode.TYPE_MISMATCH);
  }

  @Test
  void configurationChangesCarryTheChangedFlagKeys() {
    controller.apply("r1", new Target.Flag("search"), new Exposure(100, Set.of()));
    controller.apply("r1", new Target.Flag("banner"), new Exposure(100, Set.of()));
    api.setProviderAndWait(provider(tables, Duration.ofMinutes(1)));

    controller.apply("r1", new Target.Flag("search"), new Exposure(10_000, Set.of()));
    await("CONFIGURATION_CHANGED", () -> !changes.isEmpty());

    assertThat(changes.get(0).getFlagsChanged()).containsExactly("search");
    assertThat(api.getClient().getBooleanValue("search", false, new ImmutableContext("u")))
        .isTrue();
  }

  @Test
  void withoutATableTheProviderStartsInErrorAndTurnsReadyWhenFlagsAppear() {
    Tables absent = LocalDynamoDb.absentTables();

    assertThatThrownBy(() -> api.setProviderAndWait(provider(absent, Duration.ofMinutes(1))))
        .isInstanceOf(OpenFeatureError.class);
    Client client = api.getClient();
    assertThat(client.getProviderState()).isEqualTo(ProviderState.ERROR);
    FlagEvaluationDetails<Boolean> before =
        client.getBooleanDetails("search", false, new ImmutableContext("u"));
    assertThat(before.getErrorCode()).isEqualTo(ErrorCode.PROVIDER_NOT_READY);
    assertThat(before.getValue()).isFalse();

    TableCreator.createTables(dynamoDb, absent);
    new DynamoDbFlagExposure(dynamoDb, absent, id -> Map.of(), Clock.systemUTC())
        .apply("r1", new Target.Flag("search"), new Exposure(10_000, Set.of()));
    await("READY", () -> client.getProviderState() == ProviderState.READY);
    // A read may land between the table's creation and the flag's first write: READY with no
    // flag yet. The flag then arrives with the next poll.
    await("the flag", () -> client.getBooleanValue("search", false, new ImmutableContext("u")));
  }

  @Test
  void aStaleSnapshotIsServedWithReasonStale() {
    controller.apply("r1", new Target.Flag("search"), new Exposure(10_000, Set.of()));
    api.setProviderAndWait(provider(tables, Duration.ofMillis(500)));

    dynamoDb.deleteTable(r -> r.tableName(tables.flags()));
    await("STALE", () -> events.contains("STALE"));

    FlagEvaluationDetails<Boolean> stale =
        api.getClient().getBooleanDetails("search", false, new ImmutableContext("u"));
    assertThat(stale.getValue()).isTrue();
    assertThat(stale.getReason()).isEqualTo("STALE");
    assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.STALE);
  }

  @Test
  void shutdownReleasesEveryThread() {
    controller.apply("r1", new Target.Flag("search"), new Exposure(10_000, Set.of()));
    api.setProviderAndWait(provider(tables, Duration.ofMinutes(1)));
    assertThat(threads("flightplan-")).isPositive();

    api.shutdown();

    await("no refresh thread", () -> threads("flightplan-") == 0);
    await("no provider event thread", () -> threads("openfeature-event-emitter") == 0);
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .count();
  }

  /** A unit in or out of a rollout of 25 %. */
  private static String unitWithBucket(String flag, String salt, boolean inside) {
    for (int i = 0; ; i++) {
      String unit = "user-" + i;
      if ((Bucketer.bucket(flag, salt, unit) < 2_500) == inside) {
        return unit;
      }
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
