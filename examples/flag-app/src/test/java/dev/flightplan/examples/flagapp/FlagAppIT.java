package dev.flightplan.examples.flagapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.client.FlagClient;
import dev.flightplan.client.LocalDynamoDb;
import dev.flightplan.core.plan.Target;
import dev.flightplan.evaluation.Bucketer;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.flags.DynamoDbFlagExposure;
import dev.flightplan.metrics.VariantMetrics;
import dev.flightplan.openfeature.FlightplanProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The example against DynamoDB Local: the share of users it serves the candidate follows the flag
 * the controller writes within a poll, and what it serves comes out as per-variant EMF.
 */
class FlagAppIT {
  private static final String FLAG = "checkout-v2";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> documents = new CopyOnWriteArrayList<>();
  private DynamoDbClient dynamoDb;
  private Tables tables;
  private DynamoDbFlagExposure controller;

  @BeforeEach
  void setUp() {
    dynamoDb = LocalDynamoDb.client();
    tables = LocalDynamoDb.freshTables(dynamoDb);
    controller = new DynamoDbFlagExposure(dynamoDb, tables, id -> Map.of(), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    OpenFeatureAPI.getInstance().shutdown();
    dynamoDb.close();
  }

  @Test
  void theCandidatesShareFollowsTheRolloutAndEveryRequestIsReportedByVariant() throws Exception {
    controller.apply(FLAG, new Target.Flag(FLAG), new Exposure(500, Set.of()));
    Settings settings = settings(Duration.ofSeconds(4));
    OpenFeatureAPI.getInstance().setProviderAndWait(new FlightplanProvider(flagClient(settings)));
    VariantMetrics metrics =
        VariantMetrics.builder("Shop", "checkout")
            .flushInterval(Duration.ZERO)
            .output(documents::add)
            .build();
    Shop shop = new Shop(OpenFeatureAPI.getInstance().getClient(), metrics, settings, 7);

    assertThat(shop.share().candidates()).isEqualTo(usersInside(500, settings.users()));
    assertThat(shop.share().sample().getReason()).isEqualTo("SPLIT");

    controller.apply(FLAG, new Target.Flag(FLAG), new Exposure(2_500, Set.of()));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (shop.share().candidates() != usersInside(2_500, settings.users())
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(shop.share().candidates()).isEqualTo(usersInside(2_500, settings.users()));

    for (int i = 0; i < 1_000; i++) {
      shop.serveOne();
    }
    metrics.close();
    assertThat(requestsBy("candidate") + requestsBy("baseline")).isEqualTo(1_000);
    assertThat(requestsBy("candidate")).isBetween(150L, 350L);
  }

  @Test
  void runPrintsTheShareWithItsReasonAndRollout() throws Exception {
    controller.apply(FLAG, new Target.Flag(FLAG), new Exposure(2_500, Set.of()));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Settings settings = settings(Duration.ofSeconds(2));

    FlagApp.run(
        settings,
        flagClient(settings),
        VariantMetrics.builder("Shop", "checkout").output(documents::add),
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("flag-app: flag checkout-v2, 2000 users, 50 requests/s");
    assertThat(out)
        .containsPattern(
            "candidate +"
                + usersInside(2_500, 2_000)
                + "/2000 users \\( *\\d+\\.\\d%\\)  SPLIT +rollout checkout-v2");
    assertThat(requestsBy("candidate") + requestsBy("baseline")).isEqualTo(100);
  }

  private Settings settings(Duration runFor) {
    return new Settings(
        FLAG,
        "Shop",
        "checkout",
        2_000,
        50,
        0.005,
        Duration.ofMillis(100),
        runFor,
        Duration.ofSeconds(1));
  }

  private dev.flightplan.client.FlagClientBuilder flagClient(Settings settings) {
    return FlagClient.builder()
        .dynamoDb(dynamoDb)
        .table(tables.flags())
        .pollInterval(settings.pollInterval())
        .startTimeout(Duration.ofSeconds(10));
  }

  /** The controller's salt for a flag is its rollout id, here the flag's own name. */
  private static int usersInside(int basisPoints, int users) {
    int inside = 0;
    for (int i = 0; i < users; i++) {
      if (Bucketer.bucket(FLAG, FLAG, Shop.user(i)) < basisPoints) {
        inside++;
      }
    }
    return inside;
  }

  private long requestsBy(String variant) throws Exception {
    long total = 0;
    for (String document : documents) {
      JsonNode node = JSON.readTree(document);
      if (variant.equals(node.path("Variant").asText()) && node.has("Requests")) {
        total += node.path("Requests").asLong();
      }
    }
    return total;
  }

  @Test
  void anAppThatCannotReadTheFlagsAtStartServesTheBaselineAndKeepsRunning() throws Exception {
    controller.apply(FLAG, new Target.Flag(FLAG), new Exposure(10_000, Set.of()));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Settings settings = settings(Duration.ofSeconds(3));

    FlagApp.run(
        settings,
        flagClient(settings).table("no-such-table").startTimeout(Duration.ofMillis(200)),
        VariantMetrics.builder("Shop", "checkout").output(documents::add),
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("no flags read within the start timeout")
        .contains("serving the baseline");
    assertThat(out).contains("candidate     0/2000 users").doesNotContain("Exception");
    assertThat(requestsBy("candidate")).isZero();
    assertThat(requestsBy("baseline")).isEqualTo(150);
  }
}
