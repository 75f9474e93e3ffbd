package dev.flightplan.bench;

import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.Page;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import dev.flightplan.infra.dynamodb.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cost of reading one page of due rollouts (100 items, the tick's page size) through the real
 * DynamoDB mapping, without the network: each item holds the docs/design.md §2 example plan (its
 * own id) and a running state with gate streaks. {@code plans = unchanged} reads the same items
 * again, as every tick of a warm process does while no plan changes; {@code plans = changed} gives
 * every item a plan the process has not read before on each call, as after a cold start.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class RolloutReadBenchmark {
  private static final int PAGE = 100;
  private static final String DESCRIPTION = "\"description\":\"Ranker v2 behind a flag\"";

  @Param({"unchanged", "changed"})
  public String plans;

  private final Instant now = Instant.parse("2025-03-05T09:00:00Z");
  private final Tables tables = new Tables("bench-");
  private final StoredItemsClient client = new StoredItemsClient(tables.rollouts());
  private final DynamoDbRolloutStore store =
      new DynamoDbRolloutStore(client, tables, Clock.fixed(now, ZoneOffset.UTC), 1);
  private List<Map<String, AttributeValue>> written;
  private long changes;

  @Setup(Level.Trial)
  public void storeItems() {
    String yaml = designExample();
    for (int i = 0; i < PAGE; i++) {
      Plan plan =
          PlanReader.read(yaml.replace("rollout: new-search-algorithm", "rollout: rollout-" + i));
      store.create(new Rollout(plan, running(plan, now), 0), List.of());
    }
    written = List.copyOf(client.items());
    if (written.size() != PAGE || !written.get(0).get("plan").s().contains(DESCRIPTION)) {
      throw new IllegalStateException("the items are not the ones this benchmark expects");
    }
  }

  /** For {@code changed}: a new description makes every plan one not read before. */
  @Setup(Level.Invocation)
  public void changePlans() {
    if (!plans.equals("changed")) {
      return;
    }
    String description = DESCRIPTION.replace("flag\"", "flag " + changes++ + "\"");
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (Map<String, AttributeValue> item : written) {
      Map<String, AttributeValue> copy = new HashMap<>(item);
      copy.put(
          "plan", AttributeValue.fromS(item.get("plan").s().replace(DESCRIPTION, description)));
      items.add(copy);
    }
    client.items().clear();
    client.items().addAll(items);
  }

  @Benchmark
  public Page<Rollout> readPageOfDueRollouts() {
    Page<Rollout> page = store.due(0, now, null, PAGE);
    if (page.items().size() != PAGE) {
      throw new IllegalStateException("read " + page.items().size() + " rollouts");
    }
    return page;
  }

  private static RolloutState running(Plan plan, Instant now) {
    Map<String, GateStreak> gates = new HashMap<>();
    for (Gate gate : plan.gates()) {
      gates.put(gate.name(), new GateStreak(null, 0, 1));
    }
    return RolloutState.draft(now.minusSeconds(10 * 86_400)).toBuilder()
        .status(RolloutStatus.RUNNING)
        .phase(2)
        .phaseStartedAt(now.minusSeconds(86_400))
        .nextEvaluationAt(now.minusSeconds(30))
        .approvedPhase(1)
        .gates(gates)
        .lastDecision(new RolloutState.LastDecision("HOLD", now, "bake time left: 1d"))
        .historySeq(7)
        .build();
  }

  private static String designExample() {
    try (InputStream in =
        RolloutReadBenchmark.class.getResourceAsStream("/plans/good/design-example.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
