package dev.flightplan.functions.e2e;

import static dev.flightplan.functions.Api.body;
import static dev.flightplan.functions.Api.header;
import static dev.flightplan.functions.Api.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.functions.AlarmHandler;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.ControllerHandler;
import dev.flightplan.functions.FakeContext;
import dev.flightplan.functions.Handlers;
import dev.flightplan.functions.Reply;
import dev.flightplan.infra.flags.DynamoDbFlagSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * The deployed functions end to end on the local servers, through the real SDK: DynamoDB Local for
 * the tables, moto for CloudWatch, SNS and SQS. A plan is created and started through the API,
 * metric data is put for both variants, the controller advances it minute by minute; each alarm
 * route rolls back a running rollout in one invocation, the flag exposure drops to zero and the
 * notification reaches a queue subscribed to the topic. Latencies are printed, advisory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
  static final String ALARM = "search-5xx-critical";
  private static DeployedBed bed;
  private static Api api;
  private static ControllerHandler controller;
  private static AlarmHandler alarm;
  private static DynamoDbFlagSource flags;

  @BeforeAll
  static void deploy() {
    bed = new DeployedBed();
    api = new Api(bed.wiring);
    controller = new ControllerHandler(bed.wiring);
    alarm = new AlarmHandler(bed.wiring);
    flags = new DynamoDbFlagSource(bed.clients.dynamoDb(), bed.tables);
  }

  @AfterAll
  static void tearDown() {
    bed.close();
  }

  static String plan(String id, String bake) {
    return plan(id, bake, ALARM);
  }

  static String plan(String id, String bake, String alarm) {
    return """
        rollout: %s
        description: end-to-end on the local servers
        target: { type: flag, flag: %s }
        phases:
          - { name: canary, percent: 5, bake: %s }
          - { name: half, percent: 50, bake: %s }
          - { name: all, percent: 100 }
        metrics:
          error_rate:
            namespace: E2E
            ratio: { numerator: Errors, denominator: Invocations }
            dimensions: { Service: %s, Variant: "${variant}" }
        gates:
          - { metric: error_rate, op: ">", threshold: 5%%, action: rollback }
        alarms: [%s]
        """
        .formatted(id, id, bake, bake, id, alarm);
  }

  static Reply create(String id) {
    return api.send("create-rollout-yaml", body(plan(id, "2m")));
  }

  static Reply start(String id) {
    return api.send("start-rollout", path("/rollouts/" + id + "/start"));
  }

  @Test
  @Order(1)
  void theControllerAdvancesAPlanCreatedThroughTheApi() {
    create("e2e-search").expect(201);
    start("e2e-search").expect(200);

    // Each phase reads only minutes at its own exposure, which CloudWatch shows two minutes late
    // here: a phase advances in the third minute after it began.
    for (int minute = 1; minute <= 9; minute++) {
      bed.clock.advance(Duration.ofMinutes(1));
      putHealthyMinute("e2e-search");
      Map<String, Object> summary = controller.handleRequest(tick(), new FakeContext("tick"));
      assertThat(summary).containsEntry("failed", 0).containsEntry("duplicate", false);
    }

    assertThat(actions("e2e-search"))
        .containsExactly("CREATE", "START", "ADVANCE", "ADVANCE", "COMPLETE");
    assertThat(api.send("get-rollout", path("/rollouts/e2e-search")).expect(200).body())
        .contains("COMPLETED");
    assertThat(flags.find("e2e-search").orElseThrow().exposure().basisPoints()).isEqualTo(10_000);
    assertThat(bed.drainInbox()).anyMatch(m -> m.contains("e2e-search") && m.contains("ADVANCE"));
  }

  @Test
  @Order(2)
  void everyAlarmRouteRollsBackInOneInvocation() {
    String[] fixtures = {
      "alarm/eventbridge-alarm-state-change", "alarm/sns-alarm", "alarm/lambda-alarm-action"
    };
    for (String fixture : fixtures) {
      String id = "e2e-" + fixture.substring(fixture.indexOf('/') + 1, fixture.indexOf('-', 7));
      create(id).expect(201);
      start(id).expect(200);
      assertThat(flags.find(id).orElseThrow().exposure().basisPoints()).isEqualTo(500);
      bed.drainInbox();

      alarm.handleRequest(Handlers.event(fixture), new FakeContext("alarm"));

      assertThat(status(id)).as(fixture).isEqualTo(RolloutStatus.ROLLED_BACK);
      FlagExposure exposure = flags.find(id).orElseThrow();
      assertThat(exposure.exposure().basisPoints()).as(fixture).isZero();
      assertThat(exposure.exposure().audiences()).isEmpty();
      assertThat(lastEntry(id).actor()).isEqualTo("alarm:" + ALARM);
      assertThat(bed.drainInbox())
          .as("the rollback notice on the subscribed queue, " + fixture)
          .anyMatch(m -> m.contains(id) && m.contains("ROLLBACK"));
    }
  }

  @Test
  @Order(3)
  void theApiRefusesWhatDesignSection5Refuses() {
    create("e2e-refusals").expect(201);
    String etag =
        api.send("get-rollout", path("/rollouts/e2e-refusals")).expect(200).header("ETag");

    create("e2e-refusals").problem(409);
    update("e2e-refusals", etag).expect(200);
    update("e2e-refusals", etag).problem(412);
    update("e2e-refusals", null).problem(428);
    api.send("get-rollout", path("/rollouts/no-such-rollout")).problem(404);
    api.send("pause-rollout", path("/rollouts/e2e-refusals/pause")).problem(409);
  }

  @Test
  @Order(4)
  void measuresWarmLatencies() {
    Latencies alarms = new Latencies("AlarmHandler, alarm -> rollback stored");
    for (int i = 0; i < 50; i++) {
      // One alarm per rollout, so each delivery does the work of one binding.
      String id = "e2e-lat-" + i;
      String name = "latency-alarm-" + i;
      api.send("create-rollout-yaml", body(plan(id, "2m", name))).expect(201);
      start(id).expect(200);
      Map<String, Object> event = Handlers.event("alarm/eventbridge-alarm-state-change");
      event.put("id", "latency-" + i);
      event.put("resources", List.of("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name));
      @SuppressWarnings("unchecked")
      Map<String, Object> detail =
          new java.util.HashMap<>((Map<String, Object>) event.get("detail"));
      detail.put("alarmName", name);
      event.put("detail", detail);
      alarms.time(() -> alarm.handleRequest(event, new FakeContext(id)));
      assertThat(status(id)).isEqualTo(RolloutStatus.ROLLED_BACK);
    }
    Latencies puts = new Latencies("ApiHandler, PUT /rollouts/{id}");
    create("e2e-put").expect(201);
    String[] etag = {api.send("get-rollout", path("/rollouts/e2e-put")).header("ETag")};
    for (int i = 0; i < 50; i++) {
      puts.time(() -> etag[0] = update("e2e-put", etag[0]).expect(200).header("ETag"));
    }
    System.out.println(alarms.summary());
    System.out.println(puts.summary());
    assertThat(alarms.percentile(50)).isPositive();
  }

  @Test
  @Order(5)
  void measuresJvmStartToFirstCompletedTick() throws Exception {
    long millis = FirstTickProcess.run(bed);
    System.out.println(
        "JVM start -> first completed tick (fresh JVM, no SnapStart, local servers): "
            + millis
            + " ms");
    assertThat(millis).isPositive();
  }

  private static Reply update(String id, String etag) {
    return api.send(
        "update-rollout",
        e ->
            header("If-Match", etag)
                .apply(
                    header("Content-Type", "application/yaml")
                        .apply(
                            e.withPath("/rollouts/" + id)
                                .withBody(plan(id, "2m").replace("end-to-end", "e2e " + etag)))));
  }

  private static Map<String, Object> tick() {
    Map<String, Object> event = Handlers.event("controller/scheduler-input");
    event.put("scheduledTime", bed.clock.instant().truncatedTo(ChronoUnit.MINUTES).toString());
    return event;
  }

  /** A healthy minute for both variants: 0.1% errors over 1000 requests, two minutes back. */
  private static void putHealthyMinute(String service) {
    Instant at = bed.clock.instant().truncatedTo(ChronoUnit.MINUTES).minusSeconds(120);
    List<MetricDatum> data =
        List.of(
            datum("Errors", service, "candidate", at, 1),
            datum("Invocations", service, "candidate", at, 1000),
            datum("Errors", service, "baseline", at, 1),
            datum("Invocations", service, "baseline", at, 1000));
    bed.clients.cloudWatch().putMetricData(r -> r.namespace("E2E").metricData(data));
  }

  private static MetricDatum datum(
      String metric, String service, String variant, Instant at, double sum) {
    return MetricDatum.builder()
        .metricName(metric)
        // In the plan's order: moto matches dimension lists only in the order queried.
        .dimensions(
            Dimension.builder().name("Service").value(service).build(),
            Dimension.builder().name("Variant").value(variant).build())
        .timestamp(at)
        .statisticValues(
            StatisticSet.builder().sum(sum).sampleCount(sum).minimum(1.0).maximum(1.0).build())
        .build();
  }

  private static RolloutStatus status(String id) {
    return bed.wiring.store().get(id).orElseThrow().state().status();
  }

  private static List<String> actions(String id) {
    return bed.wiring.store().history(id).stream().map(HistoryEntry::action).toList();
  }

  private static HistoryEntry lastEntry(String id) {
    List<HistoryEntry> history = bed.wiring.store().history(id);
    return history.get(history.size() - 1);
  }
}
