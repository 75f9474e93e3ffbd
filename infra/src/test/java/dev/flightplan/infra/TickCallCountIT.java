package dev.flightplan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.service.TickReport;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.aws.CallCounter;
import dev.flightplan.infra.cloudwatch.CloudWatchMetricsSource;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * What one tick costs in AWS calls, through the real adapters: DynamoDB Local for the store, moto
 * for CloudWatch, every call counted by {@link CallCounter}. For N due rollouts with Q = 4 metric
 * queries each, of which one breaches and rolls back: one due Query per shard, more as the data
 * needs, exactly ⌈N·Q/500⌉ GetMetricData calls, no per-rollout read, and the same writes whatever N
 * is — only the rollout whose state changed is written. The rollouts have been looked at once
 * before, so what the controller sees of them is recorded and unchanged.
 */
class TickCallCountIT {
  private static final int Q = 4; // one ratio metric: numerator and denominator per variant
  private static final int PAGE = Tick.DEFAULT_PAGE_SIZE;
  private static final CallCounter COUNTER = new CallCounter();
  private static final Map<Integer, Long> WRITES_BY_N = new TreeMap<>();
  private static AwsClients clients;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);
  private final TestClock clock = new TestClock(now);

  @BeforeAll
  static void clients() {
    LocalAws.get().resetMoto(); // also sets the endpoints the clients below pick up
    clients = AwsClients.withInterceptors(COUNTER);
  }

  @AfterAll
  static void report() {
    clients.close();
    System.out.println("Tick writes by N (one rollout changed each time): " + WRITES_BY_N);
    assertThat(WRITES_BY_N.values())
        .as("writes must not grow with N")
        .containsOnly(WRITES_BY_N.values().iterator().next());
  }

  @ParameterizedTest(name = "N = {0}")
  @ValueSource(ints = {1, 100, 1000})
  void oneTickOfNDueRollouts(int n) {
    LocalAws.get().resetMoto();
    Tables tables = new Tables("fp-tick-" + n + "-" + System.nanoTime() % 100_000 + "-");
    TableCreator.createTables(clients.dynamoDb(), tables);
    DynamoDbRolloutStore store = new DynamoDbRolloutStore(clients.dynamoDb(), tables, clock);
    InMemoryActuator actuator = new InMemoryActuator();
    Tick tick = recorded(store, n, actuator);
    breach("r0");
    COUNTER.reset();

    long started = System.nanoTime();
    TickReport report = tick.run();
    long millis = (System.nanoTime() - started) / 1_000_000;

    CallCounter.Snapshot calls = COUNTER.snapshot();
    assertThat(report.evaluated()).isEqualTo(n);
    assertThat(report.rolledBack()).isEqualTo(1);
    assertThat(report.failed()).isZero();
    assertThat(store.get("r0").orElseThrow().state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(actuator.exposure("r0")).isEqualTo(Exposure.NONE);
    long pages = calls.calls("DynamoDb.Query");
    long expectedPages = duePages(n, store.dueShards());
    assertThat(pages).isBetween(expectedPages, expectedPages + store.dueShards());
    assertThat(calls.calls("CloudWatch.GetMetricData")).isEqualTo(ceil(n * Q, 500));
    assertThat(calls.calls("DynamoDb.GetItem")).as("no per-rollout reads").isZero();
    assertThat(calls.calls("DynamoDb.BatchGetItem")).isZero();
    // The tick's idempotency record, the changed rollout's state with its history, and one
    // follow-up that confirms the exposure and empties the outbox.
    assertThat(calls.calls("DynamoDb.PutItem")).isEqualTo(1);
    assertThat(calls.calls("DynamoDb.TransactWriteItems")).isEqualTo(1);
    assertThat(calls.calls("DynamoDb.UpdateItem"))
        .as("one follow-up write per change")
        .isEqualTo(1);
    long writes = writes(calls);
    assertThat(writes).isEqualTo(3);
    WRITES_BY_N.put(n, writes);
    System.out.printf(
        "Tick, N = %d due rollouts, Q = %d: Query %d, GetMetricData %d, GetItem %d, writes %d"
            + " (%s), %d ms%n",
        n,
        Q,
        pages,
        calls.calls("CloudWatch.GetMetricData"),
        calls.calls("DynamoDb.GetItem"),
        writes,
        calls.calls(),
        millis);
  }

  /**
   * N rollouts holding with nothing changing: after the tick that records what the controller sees,
   * a tick writes nothing but its idempotency record, and each view is refreshed once per {@link
   * ControllerView#REFRESH}.
   */
  @Test
  void quietTicksWriteNothingButTheirIdempotencyRecordAndRefreshEveryTenMinutes() {
    int n = 1000;
    LocalAws.get().resetMoto();
    Tables tables = new Tables("fp-quiet-" + System.nanoTime() % 100_000 + "-");
    TableCreator.createTables(clients.dynamoDb(), tables);
    DynamoDbRolloutStore store = new DynamoDbRolloutStore(clients.dynamoDb(), tables, clock);
    Tick tick = recorded(store, n, new InMemoryActuator());

    COUNTER.reset();
    assertThat(tick.run().held()).isEqualTo(n);
    long quiet = writes(COUNTER.snapshot());
    assertThat(quiet).as("only the idempotency record").isEqualTo(1);

    clock.advance(ControllerView.REFRESH.minus(Duration.ofMinutes(1)));
    COUNTER.reset();
    tick.run();
    long refresh = writes(COUNTER.snapshot());
    assertThat(refresh).as("one refresh per rollout").isEqualTo(1 + n);
    System.out.printf(
        "Quiet ticks, N = %d holding rollouts: writes %d per tick, %d in the tick %s after the"
            + " view was recorded%n",
        n, quiet, refresh, ControllerView.REFRESH);
  }

  /**
   * N due rollouts, each evaluated once so that what the controller sees is recorded (the first
   * look after an upgrade writes every rollout once), then one minute later: due again.
   */
  private Tick recorded(DynamoDbRolloutStore store, int n, InMemoryActuator actuator) {
    for (int i = 0; i < n; i++) {
      store.create(running("r" + i), List.of());
    }
    Tick tick =
        new Tick(
            store,
            new CloudWatchMetricsSource(clients.cloudWatch()),
            actuator,
            new RecordingNotifier(),
            clock);
    assertThat(tick.run().held()).isEqualTo(n);
    assertThat(store.get("r0").orElseThrow().state().view()).isNotNull();
    clock.advance(Duration.ofMinutes(1));
    return tick;
  }

  private static long writes(CallCounter.Snapshot calls) {
    return calls.calls("DynamoDb.PutItem")
        + calls.calls("DynamoDb.UpdateItem")
        + calls.calls("DynamoDb.DeleteItem")
        + calls.calls("DynamoDb.TransactWriteItems")
        + calls.calls("DynamoDb.BatchWriteItem");
  }

  /** One Query per shard at least, and one per page of that shard's due rollouts. */
  private static long duePages(int n, int shards) {
    int[] perShard = new int[shards];
    for (int i = 0; i < n; i++) {
      perShard[DueShards.of("r" + i, shards)]++;
    }
    return Arrays.stream(perShard).mapToLong(c -> Math.max(1, ceil(c, PAGE))).sum();
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }

  /** RUNNING at its first phase, baked, due now; no metric data means it holds. */
  private Rollout running(String id) {
    Plan plan =
        PlanReader.read(
            """
            rollout: %s
            phases: [{name: five, percent: 5}, {name: all, percent: 100}]
            metrics:
              error_rate:
                namespace: Search
                ratio: { numerator: Errors, denominator: Invocations }
                dimensions: { Service: %s, Variant: "${variant}" }
            gates:
              - { metric: error_rate, op: ">", threshold: 5%%, action: rollback }
            """
                .formatted(id, id));
    Instant started = now.minusSeconds(3_600);
    RolloutState state =
        RolloutState.draft(started).toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(0)
            .phaseStartedAt(started)
            .nextEvaluationAt(now.minusSeconds(60))
            .build();
    return new Rollout(plan, state, 1);
  }

  /** 25% errors over 400 requests for the candidate of {@code id}, in the last minutes. */
  private void breach(String id) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MINUTES).minusSeconds(150);
    clients
        .cloudWatch()
        .putMetricData(
            r ->
                r.namespace("Search")
                    .metricData(datum("Errors", id, at, 100), datum("Invocations", id, at, 400)));
  }

  private static MetricDatum datum(String metric, String id, Instant at, double sum) {
    return MetricDatum.builder()
        .metricName(metric)
        // In the plan's order: moto matches dimension lists only in the order queried.
        .dimensions(
            Dimension.builder().name("Service").value(id).build(),
            Dimension.builder().name("Variant").value("candidate").build())
        .timestamp(at)
        .statisticValues(
            StatisticSet.builder().sum(sum).sampleCount(sum).minimum(1.0).maximum(1.0).build())
        .build();
  }
}
