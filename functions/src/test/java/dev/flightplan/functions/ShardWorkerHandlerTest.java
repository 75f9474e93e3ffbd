package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.ShardTick;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.port.memory.RecordingShardDispatcher;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.functions.events.UnrecognizedEventException;
import dev.flightplan.infra.sqs.ShardMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The fanned-out tick through both handlers: the controller hands each shard of the minute to the
 * dispatcher, and workers fed those shards as SQS events evaluate every due rollout once.
 */
class ShardWorkerHandlerTest {
  private static final int SHARDS = 4;
  private static final Instant MINUTE = Instant.parse("2026-11-24T09:01:00Z");

  private final TestClock clock = new TestClock(Handlers.T0);
  private final InMemoryRolloutStore store = new InMemoryRolloutStore(SHARDS);
  private final InMemoryMetricsSource metricsSource = new InMemoryMetricsSource();
  private final RecordingShardDispatcher dispatcher = new RecordingShardDispatcher();
  private final Wiring wiring =
      InMemoryWiring.over(
              clock, store, metricsSource, new InMemoryActuator(), new RecordingNotifier())
          .withMetrics(new RecordingMetrics())
          .withShardDispatcher(dispatcher);
  private final ControllerHandler controller = new ControllerHandler(wiring);
  private final ShardWorkerHandler worker = new ShardWorkerHandler(wiring);
  private final List<String> ids = IntStream.range(0, 12).mapToObj(i -> "search-" + i).toList();

  @Test
  void theControllerHandsEveryShardOfTheMinuteToTheWorkersAndEvaluatesNothing() {
    startAll();
    clock.advance(Duration.ofSeconds(75));

    Map<String, Object> summary = controller.handleRequest(scheduled(), context());

    assertThat(dispatcher.dispatched())
        .containsExactly(
            new ShardTick(MINUTE, 0),
            new ShardTick(MINUTE, 1),
            new ShardTick(MINUTE, 2),
            new ShardTick(MINUTE, 3));
    assertThat(summary)
        .containsEntry("shardsDispatched", SHARDS)
        .containsEntry("minute", "2026-11-24T09:01:00Z");
    assertThat(metricsSource.batches()).isEmpty();
  }

  @Test
  void workersEvaluateEveryDueRolloutOnceAndARedeliveryChangesNothing() {
    startAll();
    clock.advance(Duration.ofSeconds(75));
    controller.handleRequest(scheduled(), context());
    List<ShardTick> shards = dispatcher.drain();

    for (ShardTick shard : shards) {
      assertThat(failures(worker.handleRequest(sqsEvent(shard), context()))).isEmpty();
    }
    List<String> evaluated = observed();
    for (ShardTick shard : shards) {
      worker.handleRequest(sqsEvent(shard), context()); // SQS delivers at least once
    }

    assertThat(evaluated).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(observed()).isEqualTo(evaluated);
    assertThat(metricsSource.batches())
        .hasSize((int) ids.stream().map(id -> DueShards.of(id, SHARDS)).distinct().count());
  }

  @Test
  void aMinuteOlderThanFiveMinutesIsDroppedNotFailed() {
    startAll();
    clock.advance(Duration.ofMinutes(7));

    Map<String, Object> response =
        worker.handleRequest(sqsEvent(new ShardTick(MINUTE, 0)), context());

    assertThat(failures(response)).isEmpty();
    assertThat(metricsSource.batches()).isEmpty();
  }

  @Test
  void onlyTheMessagesThatFailAreNamedForRetry() {
    startAll();
    clock.advance(Duration.ofSeconds(75));
    Map<String, Object> event =
        sqsEvent(
            record("good", ShardMessages.body(new ShardTick(MINUTE, 1))),
            record("unreadable", "{\"shard\": 1}"),
            record("no-such-shard", ShardMessages.body(new ShardTick(MINUTE, SHARDS))));

    Map<String, Object> response = worker.handleRequest(event, context());

    assertThat(failures(response)).containsExactly("unreadable", "no-such-shard");
    assertThat(observed()).isNotEmpty().allMatch(id -> DueShards.of(id, SHARDS) == 1);
  }

  @Test
  void anEventThatIsNoSqsEventFailsTheInvocation() {
    assertThatThrownBy(() -> worker.handleRequest(scheduled(), context()))
        .isInstanceOf(UnrecognizedEventException.class);
  }

  private void startAll() {
    for (String id : ids) {
      wiring.commands().create(plan(id), Handlers.ACTOR);
      wiring.commands().start(id, Handlers.ACTOR);
      metricsSource.set(id, "error_rate", TestPlans.healthy());
    }
  }

  private static Plan plan(String id) {
    return PlanReader.read(
        """
        rollout: %s
        target: { type: flag, flag: %s }
        phases:
          - { name: canary, percent: 1, bake: 1h }
          - { name: all, percent: 100 }
        metrics:
          error_rate:
            namespace: Search
            ratio: { numerator: Errors, denominator: Invocations }
            dimensions: { Service: %s, Variant: "${variant}" }
        gates:
          - { metric: error_rate, op: ">", threshold: 5%%, action: rollback }
        """
            .formatted(id, id, id));
  }

  private List<String> observed() {
    return metricsSource.batches().stream().flatMap(List::stream).toList();
  }

  private static Map<String, Object> scheduled() {
    return Handlers.event("controller/scheduler-input");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sqsEvent(ShardTick shard) {
    return sqsEvent(record("message-" + shard.shard(), ShardMessages.body(shard)));
  }

  @SafeVarargs
  @SuppressWarnings("unchecked")
  private static Map<String, Object> sqsEvent(Map<String, Object>... records) {
    Map<String, Object> event =
        new HashMap<>(EventLoader.loadEvent("events/worker/sqs-shard-message.json", Map.class));
    event.put("Records", List.of(records));
    return event;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> record(String messageId, String body) {
    Map<String, Object> fixture =
        EventLoader.loadEvent("events/worker/sqs-shard-message.json", Map.class);
    Map<String, Object> record =
        new HashMap<>(((List<Map<String, Object>>) fixture.get("Records")).get(0));
    record.put("messageId", messageId);
    record.put("body", body);
    return record;
  }

  @SuppressWarnings("unchecked")
  private static List<String> failures(Map<String, Object> response) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> failure :
        (List<Map<String, Object>>) response.get("batchItemFailures")) {
      ids.add((String) failure.get("itemIdentifier"));
    }
    return ids;
  }

  private static FakeContext context() {
    return new FakeContext("worker-request-1");
  }
}
